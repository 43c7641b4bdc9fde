package com.allocar.platform.demo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.deployment.DeploymentEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Demo accounts have published passwords: asking for them in production stops the start. */
class DemoDataGuardTest {

    @Test
    void demoDataInProductionFailsTheStartWithAClearReason() {
        assertThatThrownBy(() -> DemoDataLoader.requireAllowed(true, DeploymentEnvironment.production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ALLOCAR_DEMO_DATA=true is refused with ALLOCAR_ENVIRONMENT=production");
    }

    @Test
    void theStartUpObserverRefusesDemoDataInProduction() {
        DemoDataLoader loader = new DemoDataLoader();
        loader.enabled = true;
        loader.environment = DeploymentEnvironment.production;
        assertThatThrownBy(() -> loader.refuseInProduction(new Object())).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(value = DeploymentEnvironment.class, names = "production", mode = EnumSource.Mode.EXCLUDE)
    void demoDataOutsideProductionIsAllowed(DeploymentEnvironment environment) {
        assertThatCode(() -> DemoDataLoader.requireAllowed(true, environment)).doesNotThrowAnyException();
    }

    @Test
    void withoutDemoDataProductionStarts() {
        assertThatCode(() -> DemoDataLoader.requireAllowed(false, DeploymentEnvironment.production))
                .doesNotThrowAnyException();
    }
}
