/**
 * Scale-out on Apache Spark: the only package that imports Spark. Jobs run the project's pure functions on
 * executors: {@link org.coreloss.spark.SparkDatabaseJob} (multiplet databases, shard by shard, byte-identical
 * to a single-JVM {@code coreloss simulate}) and {@link org.coreloss.spark.SparkPredictJob} (a trained model
 * over a dataset or a sharded database, part by part). {@link org.coreloss.spark.SparkRunner} opens an
 * embedded {@code local[N]} context in the same JVM by default, or uses the master that {@code spark-submit}
 * sets. See docs/spark.md.
 */
package org.coreloss.spark;
