package com.allocar.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.platform.deployment.DeploymentEnvironment;
import org.junit.jupiter.api.Test;

/** Log-only delivery exists outside production only. */
class DeliveryModeTest {

    @Test
    void aConfiguredProviderIsAlwaysUsed() {
        for (DeploymentEnvironment environment : DeploymentEnvironment.values()) {
            assertThat(DeliveryMode.of(true, environment)).isEqualTo(DeliveryMode.provider);
        }
    }

    @Test
    void withoutProviderOutsideProductionMessagesAreLogged() {
        assertThat(DeliveryMode.of(false, DeploymentEnvironment.development)).isEqualTo(DeliveryMode.log);
        assertThat(DeliveryMode.of(false, DeploymentEnvironment.test)).isEqualTo(DeliveryMode.log);
        assertThat(DeliveryMode.of(false, DeploymentEnvironment.staging)).isEqualTo(DeliveryMode.log);
    }

    @Test
    void withoutProviderInProductionNothingIsLogged() {
        assertThat(DeliveryMode.of(false, DeploymentEnvironment.production)).isEqualTo(DeliveryMode.none);
    }
}
