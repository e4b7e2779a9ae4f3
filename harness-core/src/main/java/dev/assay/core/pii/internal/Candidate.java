package dev.assay.core.pii.internal;

/** A raw match of one detector: UTF-16 offsets {@code [start, end)} into the scanned text and a score. */
public final class Candidate {
    public final Detector detector;
    public final String entity;
    public final int start;
    public final int end;
    public double score;
    /** Whether a checksum or validator confirmed the value (context cannot change a confirmed score). */
    public final boolean validated;
    /** Whether a context word of the detector precedes the match (set by the engine). */
    public boolean context;

    public Candidate(Detector detector, String entity, int start, int end, double score, boolean validated) {
        this.detector = detector;
        this.entity = entity;
        this.start = start;
        this.end = end;
        this.score = score;
        this.validated = validated;
    }

    @Override
    public String toString() {
        return entity + "[" + start + "," + end + ") score=" + score; // never the value
    }
}
