package com.allocar.platform.security;

import com.allocar.admin.AdminOnly;
import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.idempotency.Idempotent;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The JAX-RS routes the application serves, read from the compiled resource classes, each with the server's own
 * rules for whether it needs a token ({@link AuthenticationFilter#requiresAuthentication} for {@code @RolesAllowed},
 * {@code AdminAccessFilter} for {@code @AdminOnly}): the document's {@code security} is checked against these, not
 * against a second list.
 */
public final class ResourceRoutes {
    /** One resource method: {@code GET /api/v1/trips/{id}}. */
    public record Route(String method, String template, boolean secured, boolean idempotent, boolean hidden,
                        String javaMethod) {
        public String name() {
            return method.toUpperCase(Locale.ROOT) + " " + template;
        }
    }

    private ResourceRoutes() {
    }

    public static List<Route> all() {
        List<Route> routes = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                Operation operation = method.getAnnotation(Operation.class);
                routes.add(new Route(verb.toLowerCase(Locale.ROOT),
                        template(resource.getAnnotation(Path.class), method.getAnnotation(Path.class)),
                        AuthenticationFilter.requiresAuthentication(method, resource)
                                || method.isAnnotationPresent(AdminOnly.class),
                        method.isAnnotationPresent(Idempotent.class) || resource.isAnnotationPresent(Idempotent.class),
                        operation != null && operation.hidden(),
                        resource.getSimpleName() + "." + method.getName()));
            }
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** The path as the document names it: application path + class path + method path, regexes left out. */
    static String template(Path type, Path method) {
        String joined = AlloCarApplication.ROOT + "/" + type.value() + (method == null ? "" : "/" + method.value());
        return joined.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }

    /** Concrete classes with {@code @Path} among the application's compiled classes (Rest Client interfaces are not). */
    private static List<Class<?>> resourceClasses() {
        java.nio.file.Path root;
        try {
            root = java.nio.file.Path.of(AlloCarApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            return files.map(root::relativize).map(String::valueOf)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .<Class<?>>map(name -> load(name.substring(0, name.length() - ".class".length()).replace('/', '.')))
                    .filter(type -> type.isAnnotationPresent(Path.class) && !type.isInterface()
                            && !Modifier.isAbstract(type.getModifiers()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ResourceRoutes.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
