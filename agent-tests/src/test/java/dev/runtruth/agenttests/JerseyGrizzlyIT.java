package dev.runtruth.agenttests;

/** Jersey 4.0 on Grizzly 4 ({@code jersey-container-grizzly2-http}) with a base path. */
class JerseyGrizzlyIT extends AbstractJerseyContainerIT {

    @Override
    String service() {
        return "jersey-grizzly-jdk17";
    }

    @Override
    String container() {
        return "grizzly";
    }
}
