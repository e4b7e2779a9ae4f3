package dev.assay.scenarios;

import dev.assay.scenarios.jupiter.AssayScenarios;

/** The module's own scenario suite (src/test/resources/assay), run by the normal build through the engine. */
@AssayScenarios("assay/")
class ScenariosTest {
}
