package dev.assay.examples;

import dev.assay.scenarios.jupiter.AssayScenarios;

/** Runs every {@code *.assay.yaml} under {@code src/test/resources/assay/}: one test per check. */
// tag::scenarios[]
@AssayScenarios("assay/")
class ScenariosTest {
}
// end::scenarios[]
