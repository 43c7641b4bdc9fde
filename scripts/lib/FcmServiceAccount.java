import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Writes a throwaway Google service-account key (the JSON that FCM_CREDENTIALS holds) with a new RSA key, for the
 * tests' FCM stand-in: java scripts/lib/FcmServiceAccount.java OUT_FILE PROJECT_ID TOKEN_URI. Needs only a JDK.
 */
public class FcmServiceAccount {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: FcmServiceAccount OUT_FILE PROJECT_ID TOKEN_URI");
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
        byte[] keyId = new byte[20];
        new SecureRandom().nextBytes(keyId);
        String project = args[1];
        String json = "{\n"
                + "  \"type\": \"service_account\",\n"
                + "  \"project_id\": \"" + project + "\",\n"
                + "  \"private_key_id\": \"" + HexFormat.of().formatHex(keyId) + "\",\n"
                + "  \"private_key\": \"" + pem.replace("\n", "\\n") + "\",\n"
                + "  \"client_email\": \"fcm-sender@" + project + ".iam.gserviceaccount.com\",\n"
                + "  \"client_id\": \"100000000000000000001\",\n"
                + "  \"token_uri\": \"" + args[2] + "\"\n"
                + "}\n";
        Path out = Path.of(args[0]);
        Files.writeString(out, json);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
    }
}
