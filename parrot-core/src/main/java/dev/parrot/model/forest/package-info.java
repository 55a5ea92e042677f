/**
 * Internal: a trained random forest as plain arrays ({@link dev.parrot.model.forest.TreeForest}) and the file format
 * that holds one with the names of its features and sounds ({@link dev.parrot.model.forest.ForestFormat}, documented
 * for readers in other languages in {@code src/site/markdown/model-format.md}). Plain Java, no Weka: reading a model
 * of this format creates arrays and strings, never objects a file names.
 */
package dev.parrot.model.forest;
