package dev.runtruth.agenttests;

/** {@link AbstractCollectorAgreementBootJerseyIT} on Spring Boot 3.5. */
class CollectorAgreementBoot35JerseyIT extends AbstractCollectorAgreementBootJerseyIT {

    @Override
    String app() {
        return "boot35-jersey";
    }
}
