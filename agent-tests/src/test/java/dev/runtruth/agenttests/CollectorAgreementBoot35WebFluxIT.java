package dev.runtruth.agenttests;

/** {@link AbstractCollectorAgreementWebFluxIT} on Spring Boot 3.5. */
class CollectorAgreementBoot35WebFluxIT extends AbstractCollectorAgreementWebFluxIT {

    @Override
    String app() {
        return "boot35-webflux";
    }
}
