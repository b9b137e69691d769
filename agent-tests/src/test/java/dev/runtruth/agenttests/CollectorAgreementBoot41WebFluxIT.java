package dev.runtruth.agenttests;

/** {@link AbstractCollectorAgreementWebFluxIT} on Spring Boot 4.1. */
class CollectorAgreementBoot41WebFluxIT extends AbstractCollectorAgreementWebFluxIT {

    @Override
    String app() {
        return "boot41-webflux";
    }
}
