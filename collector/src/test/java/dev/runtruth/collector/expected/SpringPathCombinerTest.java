package dev.runtruth.collector.expected;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.PathTemplate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.util.pattern.PathPatternParser;

/** Class and method paths combined as Spring's own {@code PathPattern.combine} does. */
class SpringPathCombinerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/hotels|/booking",
        "/hotels/|/booking",
        "/hotels|booking",
        "/hotels/*|/booking",
        "/hotels/**|/booking",
        "/*|/hotel",
        "/**|/hotel",
        "/*.html|/hotel",
        "/*.*|/*.html",
        "/*.html|/hotel.*",
        "/{foo}|/bar",
        "/usr|/user",
        "/a|/a",
        "/a/?|/a/b",
        "/x/{id}|/y/",
        "/api|/",
    })
    void combinesLikeSpring(String type, String method) {
        String spring = PathPatternParser.defaultInstance.parse(type)
                .combine(PathPatternParser.defaultInstance.parse(method)).getPatternString();

        assertThat(SpringPathCombiner.combine(type, method)).isEqualTo(PathTemplate.canonical(spring));
    }
}
