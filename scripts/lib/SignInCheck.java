import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs in with an account and reads /me with the access token it got: exits 0 when both answer 200, else prints
 * what went wrong and exits 1. Arguments: base URL (http://127.0.0.1:9080), identifier, password. Needs only a JDK.
 */
public class SignInCheck {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String credentials = "{\"identifier\":\"" + args[1] + "\",\"password\":\"" + args[2] + "\"}";
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(credentials)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(login.body());
        if (login.statusCode() != 200 || !token.find()) {
            fail("sign-in answered " + login.statusCode() + ": " + login.body());
        }
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token.group(1)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (me.statusCode() != 200) {
            fail("GET /api/v1/me with the new access token answered " + me.statusCode() + ": " + me.body());
        }
        System.out.println("signed in as " + args[1] + ": sign-in 200, GET /api/v1/me 200");
    }

    private static void fail(String message) {
        System.out.println(message);
        System.exit(1);
    }
}
