package org.coreloss.cli;

import org.coreloss.progress.ProgressListener;
import org.coreloss.simulate.DatabaseGenerator;
import org.coreloss.simulate.DatabaseSpec;
import org.coreloss.spark.SparkDatabaseJob;
import org.coreloss.spark.SparkRunner;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The command line's door to org.coreloss.spark. Spark is a provided dependency: {@code environment/coreloss} puts
 * {@code target/spark-lib} on the class path; a plain {@code java -jar} does not, and then {@link #available()} says so
 * before any Spark class is touched.
 */
final class SparkSupport {
    static final String MISSING = "Apache Spark is not on the class path; run through environment/coreloss (adds target/spark-lib "
            + "after environment/setup) or spark-submit (docs/spark.md)";

    private SparkSupport() {}

    static boolean available() {
        try {
            Class.forName("org.apache.spark.SparkConf", false, SparkSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static DatabaseGenerator.Result simulate(DatabaseSpec spec, Path out, String master, ProgressListener bar) throws IOException {
        try (SparkRunner spark = SparkRunner.open(master)) {
            return SparkDatabaseJob.generate(spark, spec, out, bar);
        }
    }
}
