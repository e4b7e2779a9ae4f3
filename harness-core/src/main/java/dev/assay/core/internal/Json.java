package dev.assay.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * The one Jackson mapper for evidence: stable key order (map entries sorted by key), no {@code NaN} or
 * {@code Infinity} tokens (a non-finite number is written as {@code null}), {@code \n} line ends whatever the
 * platform. {@link EvidenceJson} writes the evidence file with a generator configured the same way but without this
 * mapper (building it is the costliest part of a JVM's first evidence); {@code EvidenceJsonTest} holds the two
 * byte for byte equal, so a change of the features here must be made there too.
 */
public final class Json {
    /** The mapper for evidence and check results. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true)
            .addModule(new SimpleModule("assay-finite-numbers")
                    .addSerializer(Double.class, new FiniteDouble())
                    .addSerializer(double.class, new FiniteDouble())
                    .addSerializer(Float.class, new FiniteFloat())
                    .addSerializer(float.class, new FiniteFloat())
                    .addSerializer(double[].class, new FiniteDoubleArray()))
            .build();

    private Json() {
    }

    /**
     * A pretty-printing writer: Jackson's default layout (two-space indentation, arrays on one line), with
     * {@code \n} line ends on every platform so that evidence is byte for byte the same everywhere.
     */
    public static ObjectWriter prettyWriter() {
        return PRETTY;
    }

    /**
     * Built once: an {@code ObjectWriter} is immutable and thread-safe, and it gives each write its own copy of the
     * (stateful) pretty printer, so every check's Allure attachment and every evidence file reuse it.
     */
    private static final ObjectWriter PRETTY = MAPPER.writer(
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private static final class FiniteDouble extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (value == null || value.isNaN() || value.isInfinite()) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }

    private static final class FiniteFloat extends JsonSerializer<Float> {
        @Override
        public void serialize(Float value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (value == null || value.isNaN() || value.isInfinite()) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }

    private static final class FiniteDoubleArray extends JsonSerializer<double[]> {
        @Override
        public void serialize(double[] value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartArray(value, value.length);
            for (double d : value) {
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    gen.writeNull();
                } else {
                    gen.writeNumber(d);
                }
            }
            gen.writeEndArray();
        }
    }
}
