package com.allocar.identity;

import com.allocar.platform.security.SessionCheck;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One indexed query per authenticated request: the account exists and is active, and the token's session
 * (refresh-token family) has not been revoked. This is what makes suspension and logout immediate.
 */
@ApplicationScoped
public class SessionGuard implements SessionCheck {
    private static final String USER = "SELECT u.status = 'active' AND NOT EXISTS (SELECT 1 FROM refresh_tokens r "
            + "WHERE r.family_id = ? AND r.revoked_at IS NOT NULL) FROM users u WHERE u.id = ?";
    private static final String ADMIN = "SELECT a.is_active AND NOT EXISTS (SELECT 1 FROM refresh_tokens r "
            + "WHERE r.family_id = ? AND r.revoked_at IS NOT NULL) FROM admin_users a WHERE a.id = ?";

    @Resource(lookup = "jdbc/allocar")
    DataSource dataSource;

    @Override
    public boolean active(boolean admin, UUID subject, UUID sessionId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(admin ? ADMIN : USER)) {
            query.setObject(1, sessionId);
            query.setObject(2, subject);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the session", e);
        }
    }
}
