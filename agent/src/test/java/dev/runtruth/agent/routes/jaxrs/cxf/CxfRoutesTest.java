package dev.runtruth.agent.routes.jaxrs.cxf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CxfRoutesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "http://0.0.0.0:9000/api       | /api",
        "https://localhost:8443/a/b/   | /a/b/",
        "http://localhost:9000         | ''",
        "http://localhost:9000/        | ''",
        "/shop                         | null",
        "local://shop                  | null",
    })
    void anAbsoluteAddressIsServedAtItsPath(String address, String path) {
        assertThat(CxfRoutes.absolutePath(address)).isEqualTo(path);
    }
}
