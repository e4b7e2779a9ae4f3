package dev.assay.benchmarks.models;

import ai.onnx.proto.OnnxMl;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Makes the ONNX test model of the models feature, reproducibly: a Tribuo logistic regression trained on seeded
 * synthetic credit data, exported to ONNX with two metadata entries Assay reads ({@code feature_names},
 * {@code class_labels}) and without Tribuo's provenance (it holds timestamps), plus a holdout CSV and the Java
 * twin's (Tribuo's own) predictions on it, for the parity test.
 *
 * <pre>
 * mvn -o -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.assay.benchmarks.models.CreditOnnxFixture \
 *      harness-core/src/test/resources/dev/assay/core/models
 * </pre>
 */
public final class CreditOnnxFixture {
    static final String[] FEATURES = {"age", "income"};

    private CreditOnnxFixture() {
    }

    /** The synthetic truth: P(yes) = sigmoid(0.08 (age - 40) + 0.9 (income - 3.5)). */
    static double truth(double age, double income) {
        return 1 / (1 + Math.exp(-(0.08 * (age - 40) + 0.9 * (income - 3.5))));
    }

    record Applicant(double age, double income, String sex, String approved) {
    }

    static List<Applicant> draw(SplittableRandom rng, int n) {
        List<Applicant> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double age = Math.round(20 + 50 * rng.nextDouble());
            double income = Math.round((0.5 + 7.5 * rng.nextDouble()) * 10) / 10.0;
            String sex = rng.nextBoolean() ? "F" : "M";
            String approved = rng.nextDouble() < truth(age, income) ? "yes" : "no";
            out.add(new Applicant(age, income, sex, approved));
        }
        return out;
    }

    static Example<Label> example(Applicant a, String label) {
        return new ArrayExample<>(new Label(label), FEATURES, new double[] {a.age(), a.income()});
    }

    /**
     * The same model with scikit-learn-onnx's output style: a ZipMap turning the probability tensor into a sequence
     * of class-to-probability maps ({@code output_probability}) and no label output.
     */
    static OnnxMl.ModelProto withZipMap(OnnxMl.ModelProto model, String[] classes) {
        OnnxMl.ModelProto.Builder b = model.toBuilder();
        OnnxMl.GraphProto.Builder g = b.getGraphBuilder();
        String probs = g.getOutput(0).getName();
        g.addNode(OnnxMl.NodeProto.newBuilder().setOpType("ZipMap").setDomain("ai.onnx.ml").setName("ZipMap_0")
                .addInput(probs).addOutput("output_probability")
                .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("classlabels_strings")
                        .setType(OnnxMl.AttributeProto.AttributeType.STRINGS)
                        .addAllStrings(java.util.Arrays.stream(classes)
                                .map(com.google.protobuf.ByteString::copyFromUtf8).toList())));
        OnnxMl.TypeProto floatScalar = OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())).build();
        OnnxMl.TypeProto seqOfMaps = OnnxMl.TypeProto.newBuilder().setSequenceType(OnnxMl.TypeProto.Sequence.newBuilder()
                .setElemType(OnnxMl.TypeProto.newBuilder().setMapType(OnnxMl.TypeProto.Map.newBuilder()
                        .setKeyType(OnnxMl.TensorProto.DataType.STRING.getNumber()).setValueType(floatScalar)))).build();
        g.clearOutput().addOutput(OnnxMl.ValueInfoProto.newBuilder().setName("output_probability").setType(seqOfMaps));
        b.addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("ai.onnx.ml").setVersion(1));
        return b.build();
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "harness-core/src/test/resources/dev/assay/core/models");
        Files.createDirectories(dir);
        SplittableRandom rng = new SplittableRandom(20261126L);
        List<Applicant> train = draw(rng, 600);
        List<Applicant> holdout = draw(rng, 80);

        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("synthetic credit", factory),
                factory);
        for (Applicant a : train) {
            ds.add(example(a, a.approved()));
        }
        LinearSGDModel model = (LinearSGDModel) new LogisticRegressionTrainer().train(ds);

        OnnxMl.ModelProto proto = model.exportONNXModel("dev.assay", 1);
        OnnxMl.ModelProto.Builder b = proto.toBuilder().clearMetadataProps().clearDocString();
        // Tribuo puts the provenance (with training timestamps) in the graph's doc string: replace it
        b.getGraphBuilder().setDocString("Tribuo 4.3.2 LogisticRegressionTrainer (seed 12345) on 600 synthetic "
                + "applicants drawn with seed 20261126; made by dev.assay.benchmarks.models.CreditOnnxFixture");
        String[] featureOrder = new String[FEATURES.length];
        for (String f : FEATURES) {
            featureOrder[model.getFeatureIDMap().getID(f)] = f;
        }
        String[] classes = new String[model.getOutputIDInfo().size()];
        for (Pair<Integer, Label> p : model.getOutputIDInfo()) {
            classes[p.getA()] = p.getB().getLabel();
        }
        b.addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey("feature_names")
                .setValue(String.join(",", featureOrder)));
        b.addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey("class_labels")
                .setValue(String.join(",", classes)));
        Files.write(dir.resolve("credit-lr.onnx"), b.build().toByteArray());
        Files.write(dir.resolve("credit-lr-zipmap.onnx"), withZipMap(b.build(), classes).toByteArray());

        try (Writer w = Files.newBufferedWriter(dir.resolve("credit-holdout.csv"), StandardCharsets.UTF_8);
             Writer t = Files.newBufferedWriter(dir.resolve("credit-tribuo.csv"), StandardCharsets.UTF_8)) {
            w.write("age,income,sex,approved\n");
            t.write("row,label,p_yes\n");
            for (int i = 0; i < holdout.size(); i++) {
                Applicant a = holdout.get(i);
                w.write(String.format(Locale.ROOT, "%d,%s,%s,%s%n", (long) a.age(), Double.toString(a.income()),
                        a.sex(), a.approved()));
                Prediction<Label> p = model.predict(example(a, a.approved()));
                t.write(String.format(Locale.ROOT, "%d,%s,%s%n", i, p.getOutput().getLabel(),
                        Double.toString(p.getOutputScores().get("yes").getScore())));
            }
        }
        System.out.println("wrote " + dir.resolve("credit-lr.onnx") + " (features " + String.join(",", featureOrder)
                + ", classes " + String.join(",", classes) + ")");
    }
}
