package dev.assay.core.privacy;

import java.util.random.RandomGenerator;

/**
 * A randomised mechanism under audit: maps an input (a dataset, a query answer, a vector) to an output, drawing all
 * its randomness from {@code rng}. Implementations must not keep mutable state between calls: the auditor calls
 * {@code run} from several threads.
 *
 * @param <I> the input type (neighbouring inputs are given to {@link DpAudit#neighbours})
 * @param <O> the output type: a number, a discrete value, a {@code double[]}/{@code int[]}, or a {@code List}
 */
@FunctionalInterface
public interface Mechanism<I, O> {
    O run(I input, RandomGenerator rng);
}
