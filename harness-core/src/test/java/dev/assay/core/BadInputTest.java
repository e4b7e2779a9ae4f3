package dev.assay.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2, point 10: bad input gets a clear error naming the file, the column and the row or line, and the check's
 * verdict is {@code error}, never {@code pass}. Each case runs the check through {@link Checks#evaluate} as a front
 * end does, with a threshold every model would meet ({@code accuracy >= 0}), so a silent pass would show.
 */
class BadInputTest {
    private static final RunContext CTX = new RunContext("bad input", 1);

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private static PerformanceCheck lenientCheck(String... by) {
        return Performance.check().named("accuracy").by(by).minGroupSize(1).atLeast(0.0).build();
    }

    /** Evaluates on data loaded inside the evaluation and returns the error message, asserting the verdict. */
    private static String errorOf(PerformanceCheck check, Model model, Supplier<Dataset> data) {
        CheckResult r = Checks.evaluateLoading(check, model, data, CTX);
        assertThat(r.verdict()).as("verdict of %s", r).isEqualTo(Verdict.ERROR);
        assertThat(r.value()).isNull();
        return r.message();
    }

    private static String errorOf(Model model, Supplier<Dataset> data, String... by) {
        return errorOf(lenientCheck(by), model, data);
    }

    private static final Model PRED = Models.predictions("pred");
    private static final String GOOD = "id,sex,income,pred\n1,F,yes,yes\n2,M,no,no\n3,F,no,yes\n";

    @Test
    void theGoodFixturePasses() throws IOException {
        Path f = write("good.csv", GOOD);
        CheckResult r = Checks.evaluateLoading(lenientCheck("sex"), PRED,
                () -> Datasets.csv(f).label("income").positive("yes").load(), CTX);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void emptyFile() throws IOException {
        Path f = write("empty.csv", "");
        assertThat(errorOf(PRED, () -> Datasets.csv(f).label("income").load()))
                .isEqualTo(f + ": the file is empty (no header and no data rows)");
        Path blank = write("blank.csv", "\n\n");
        assertThat(errorOf(PRED, () -> Datasets.csv(blank).label("income").load())).contains(blank + ": the file is empty");
    }

    @Test
    void headerOnly() throws IOException {
        Path f = write("header.csv", "id,income,pred\n");
        assertThat(errorOf(PRED, () -> Datasets.csv(f).label("income").load()))
                .isEqualTo(f + ": no data rows (only a header with columns [id, income, pred])");
    }

    @Test
    void missingLabelColumn() throws IOException {
        Path f = write("nolabel.csv", GOOD);
        // set on the dataset: the loader refuses it
        assertThat(errorOf(PRED, () -> Datasets.csv(f).label("salary").load()))
                .isEqualTo(f + ": no column 'salary'; columns are [id, sex, income, pred]");
        // named by the check only: the check refuses it
        PerformanceCheck check = Performance.check().label("salary").positive("yes").atLeast(0).build();
        assertThat(errorOf(check, PRED, () -> Datasets.csv(f).load()))
                .isEqualTo(f + ": no label column 'salary'; columns are [id, sex, income, pred]");
        // not set at all
        assertThat(errorOf(PRED, () -> Datasets.csv(f).load()))
                .startsWith(f + ": no label column is set");
    }

    @Test
    void missingPredictionColumn() throws IOException {
        Path f = write("nopred.csv", GOOD);
        assertThat(errorOf(Models.predictions("y_pred"), () -> Datasets.csv(f).label("income").positive("yes").load()))
                .isEqualTo(f + ": no prediction column 'y_pred'; columns are [id, sex, income, pred]");
    }

    @Test
    void missingGroupColumn() throws IOException {
        Path f = write("nogroup.csv", GOOD);
        assertThat(errorOf(PRED, () -> Datasets.csv(f).label("income").positive("yes").load(), "race"))
                .isEqualTo(f + ": no group column 'race' (by [race]); columns are [id, sex, income, pred]");
    }

    @Test
    void missingValueInAGroupColumn() throws IOException {
        Path f = write("groupgap.csv", "id,sex,income,pred\n1,F,yes,yes\n2,,no,no\n3,?,no,no\n");
        assertThat(errorOf(PRED, () -> Datasets.csv(f).label("income").positive("yes").load(), "sex"))
                .startsWith(f + " line 3 (row 1), group column 'sex': no value (2 rows have none)");
        // allowed: the rows form their own group
        CheckResult r = Checks.evaluate(Performance.check().by("sex").minGroupSize(1).missingAsGroup(true).build(),
                PRED, Datasets.csv(f).label("income").positive("yes").load(), CTX);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.groups()).extracting(GroupResult::label).containsExactly("sex=F", "sex=<missing>");
        assertThat(r.groups().get(1).n()).isEqualTo(2);
    }

    @Test
    void nonBinaryLabels() throws IOException {
        Path f = write("three.csv", "id,income,pred\n1,yes,yes\n2,no,no\n3,maybe,no\n");
        assertThat(errorOf(PRED, () -> Datasets.csv(f).label("income").positive("yes").load()))
                .isEqualTo(f + " line 4 (row 2), column 'income': a third label value 'maybe' after [yes, no];"
                        + " binary metrics need exactly two classes");
    }

    @Test
    void missingLabelValue() throws IOException {
        Path f = write("gap.csv", "id,income,pred\n1,yes,yes\n2,,no\n3,no,no\n");
        assertThat(errorOf(PRED, () -> Datasets.csv(f).label("income").positive("yes").load()))
                .isEqualTo(f + " line 3 (row 1), column 'income': the label is missing");
    }

    @Test
    void positiveLabelThatNeverOccurs() throws IOException {
        Path f = write("adultish.csv", "id,income,pred\n1,<=50K.,<=50K.\n2,>50K.,>50K.\n");
        // adult.test spells the labels with a trailing dot: '>50K' never occurs
        assertThat(errorOf(PRED, () -> Datasets.csv(f).label("income").positive(">50K").load()))
                .isEqualTo(f + ", column 'income': the positive label '>50K' never occurs; the labels are"
                        + " [<=50K., >50K.]");
    }

    @Test
    void noPositiveLabelAndNoObviousOne() throws IOException {
        Path f = write("nopos.csv", GOOD);
        assertThat(errorOf(PRED, () -> Datasets.csv(f).label("income").load()))
                .isEqualTo(f + ", column 'income': no positive label is set and the values [yes, no] do not say"
                        + " which is positive; set positive");
    }

    @Test
    void nanOrMissingPredictions() throws IOException {
        Path f = write("nan.csv", "id,income,pred\n1,1,1\n2,0,NaN\n3,1,\n");
        assertThat(errorOf(PRED, () -> Datasets.csv(f).label("income").load()))
                .isEqualTo(f + " line 3 (row 1), prediction column 'pred': model 'column:pred' gave no prediction"
                        + " (missing or NaN); 2 rows without a prediction");

        Path g = write("fn.csv", "id,income\n1,1\n2,0\n");
        Model nan = Models.function("nan-model", row -> row.index() == 1 ? Double.NaN : 1.0);
        assertThat(errorOf(nan, () -> Datasets.csv(g).label("income").load()))
                .isEqualTo(g + " line 3 (row 1): model 'nan-model' gave no prediction (missing or NaN)");
    }

    @Test
    void predictionThatIsNotALabel() throws IOException {
        Path f = write("odd.csv", "id,income,pred\n1,yes,yes\n2,no,no\n3,no,unsure\n");
        assertThat(errorOf(PRED, () -> Datasets.csv(f).label("income").positive("yes").load()))
                .isEqualTo(f + " line 4 (row 2), prediction column 'pred': model 'column:pred' predicted 'unsure',"
                        + " which is not one of the labels [yes, no] of column 'income'");
    }

    @Test
    void duplicateColumnNames() throws IOException {
        Path f = write("dup.csv", "id,income,id\n1,yes,2\n");
        assertThat(errorOf(PRED, () -> Datasets.csv(f).label("income").load()))
                .isEqualTo(f + " line 1 (header): duplicate column name 'id' (columns 1 and 3)");
        Path g = write("dup2.csv", "1,yes,2\n");
        assertThat(errorOf(PRED, () -> Datasets.csv(g).columns("a", "income", "a").label("income").load()))
                .isEqualTo(g + " (column names given): duplicate column name 'a' (columns 1 and 3)");
    }

    @Test
    void raggedRow() throws IOException {
        Path f = write("ragged.csv", "id,income,pred\n1,yes,yes\n2,no\n");
        assertThat(errorOf(PRED, () -> Datasets.csv(f).label("income").load()))
                .isEqualTo(f + " line 3: expected 3 fields (columns [id, income, pred]) but found 2");
        // after a quoted newline the line number still points at the bad row
        Path g = write("ragged2.csv", "id,note,pred\n1,\"a\nb\",yes\n2,x,no,extra\n");
        assertThat(errorOf(PRED, () -> Datasets.csv(g).load()))
                .isEqualTo(g + " line 4: expected 3 fields (columns [id, note, pred]) but found 4");
    }

    @Test
    void unclosedQuote() throws IOException {
        Path f = write("quote.csv", "id,note,pred\n1,ok,yes\n2,\"never closed,no\n3,x,no\n");
        assertThat(errorOf(PRED, () -> Datasets.csv(f).load()))
                .isEqualTo(f + " line 3: a quoted field is not closed");
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("absent.csv");
        assertThat(errorOf(PRED, () -> Datasets.csv(f).load())).startsWith(f + ": file not found");
    }
}
