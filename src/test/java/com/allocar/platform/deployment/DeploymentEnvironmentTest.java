package com.allocar.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeploymentEnvironmentTest {

    @Test
    void knownNamesInAnyCase() {
        assertThat(DeploymentEnvironment.of(" Production ")).isEqualTo(DeploymentEnvironment.production);
        assertThat(DeploymentEnvironment.of("development").isProduction()).isFalse();
        assertThat(DeploymentEnvironment.of("TEST")).isEqualTo(DeploymentEnvironment.test);
    }

    @Test
    void aTypoIsRefusedRatherThanTakenForNotProduction() {
        assertThatThrownBy(() -> DeploymentEnvironment.of("prod"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ALLOCAR_ENVIRONMENT must be one of production, staging, development, test, not 'prod'");
    }
}
