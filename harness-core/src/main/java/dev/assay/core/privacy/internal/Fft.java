package dev.assay.core.privacy.internal;

/** An in-place iterative radix-2 complex FFT on split real/imaginary arrays (no dependency offers one). */
final class Fft {
    private Fft() {
    }

    /** Transforms {@code re + i·im} in place; {@code inverse} uses e^{+2πik/n} and divides by n. */
    static void transform(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        if (Integer.bitCount(n) != 1 || im.length != n) {
            throw new IllegalArgumentException("FFT size must be a power of two, was " + n);
        }
        int bits = Integer.numberOfTrailingZeros(n);
        for (int i = 0; i < n; i++) {
            int j = Integer.reverse(i) >>> (32 - bits);
            if (bits == 0) {
                j = 0;
            }
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        // twiddles for the largest stage, reused by stride in smaller ones
        int half = n / 2;
        double[] cos = new double[Math.max(1, half)];
        double[] sin = new double[Math.max(1, half)];
        double sign = inverse ? 1 : -1;
        for (int k = 0; k < half; k++) {
            double a = 2 * Math.PI * k / n;
            cos[k] = Math.cos(a);
            sin[k] = sign * Math.sin(a);
        }
        for (int len = 2; len <= n; len <<= 1) {
            int h = len >> 1;
            int stride = n / len;
            for (int start = 0; start < n; start += len) {
                for (int k = 0; k < h; k++) {
                    double wr = cos[k * stride];
                    double wi = sin[k * stride];
                    int a = start + k;
                    int b = a + h;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
        if (inverse) {
            double s = 1.0 / n;
            for (int i = 0; i < n; i++) {
                re[i] *= s;
                im[i] *= s;
            }
        }
    }
}
