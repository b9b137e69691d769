package dev.runtruth.agent.routes.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.agent.CaptureErrors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.rest.webmvc.config.FakeDataRestMappings;

class SpringMvcRoutesTest {

    @ParameterizedTest
    @ValueSource(classes = {FakeDataRestMappings.NotIterable.class, FakeDataRestMappings.Failing.class,
            FakeDataRestMappings.NoRoutes.class})
    void aSpringDataRestMappingThatGivesNoRouteIsACaptureError(Class<?> shape) throws Exception {
        long errors = CaptureErrors.count();
        List<String[]> routes = new ArrayList<>();

        SpringMvcRoutes.describe(shape.getDeclaredConstructor().newInstance(), routes);

        assertThat(routes).isEmpty();
        assertThat(CaptureErrors.count() - errors).as("capture errors recorded for %s", shape.getName()).isEqualTo(1);
    }

    @Test
    void anOtherMappingOfNoKnownKindIsLeftOutLikeActuatorDoes() throws Exception {
        long errors = CaptureErrors.count();
        List<String[]> routes = new ArrayList<>();

        SpringMvcRoutes.describe(new Object(), routes);
        SpringMvcRoutes.describe(Collections.singletonList(new Object()), routes);

        assertThat(routes).isEmpty();
        assertThat(CaptureErrors.count()).isEqualTo(errors);
    }
}
