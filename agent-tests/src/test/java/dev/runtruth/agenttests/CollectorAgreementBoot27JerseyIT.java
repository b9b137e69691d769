package dev.runtruth.agenttests;

/** {@link AbstractCollectorAgreementBootJerseyIT} on Spring Boot 2.7. */
class CollectorAgreementBoot27JerseyIT extends AbstractCollectorAgreementBootJerseyIT {

    @Override
    String app() {
        return "boot27-jersey";
    }
}
