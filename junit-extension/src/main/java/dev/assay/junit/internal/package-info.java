/**
 * Implementation detail of Assay's JUnit integration (failure messages). Not part of the API: may change in any
 * release.
 */
package dev.assay.junit.internal;
