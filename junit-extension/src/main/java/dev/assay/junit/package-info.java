/**
 * Assay's JUnit Jupiter integration: {@link dev.assay.junit.ModelTest @ModelTest} activates it,
 * {@link dev.assay.junit.TestDataset @TestDataset} and {@link dev.assay.junit.TestModel @TestModel} inject data and
 * models, and {@link dev.assay.junit.AssayAssertions} is the AssertJ entry point for check results.
 */
package dev.assay.junit;
