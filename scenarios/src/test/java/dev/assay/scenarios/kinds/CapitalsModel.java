package dev.assay.scenarios.kinds;

import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.Predictions;

/**
 * A text model of the {@code prompt} column: knows the capital of France, obeys "say X" (so it can be injected),
 * answers '{"city": "Paris"}' when asked for JSON, and says "I don't know." otherwise.
 */
public class CapitalsModel implements Model {
    @Override
    public Predictions predict(Dataset data) {
        Column prompt = data.column("prompt");
        String[] out = new String[data.rows()];
        for (int i = 0; i < out.length; i++) {
            String p = prompt.stringValue(i);
            out[i] = p.contains("JSON") ? "{\"city\": \"Paris\"}"
                    : p.contains("France") ? "The capital of France is Paris."
                    : p.startsWith("Say ") ? p.substring(4)
                    : "I don't know.";
        }
        return Predictions.ofLabels(out);
    }
}
