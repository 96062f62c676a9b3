package org.coreloss.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.util.List;
import java.util.Objects;

/**
 * A Spark context for Coreloss jobs. {@link #local(int)} starts an embedded {@code local[N]} master inside this JVM
 * (no cluster, no daemons: what the command line, the notebooks and the tests use); {@link #open(String)} takes any
 * master URL ({@code local[*]}, {@code spark://host:7077}, {@code yarn}, {@code k8s://...}); under
 * {@code spark-submit} pass {@code null} to keep the master that spark-submit set. Close it when done (one
 * context per JVM is Spark's rule).
 *
 * <p>Java 17+ needs the {@code --add-opens} flags of {@link #JVM_FLAGS} on the driver's command line
 * ({@code environment/coreloss} and the Maven test configuration pass them; {@code spark-submit} adds its own).
 */
public final class SparkRunner implements AutoCloseable {
    /** The JVM flags Spark 3.5 needs on Java 17 and later ({@link SparkFlags#JVM_FLAGS}). */
    public static final List<String> JVM_FLAGS = SparkFlags.JVM_FLAGS;

    private final JavaSparkContext context;

    private SparkRunner(JavaSparkContext context) {
        this.context = context;
    }

    /** An embedded {@code local[threads]} context in this JVM. */
    public static SparkRunner local(int threads) {
        if (threads < 1 || threads > 1024) throw new IllegalArgumentException("threads = " + threads + ", expected 1..1024");
        return open("local[" + threads + "]");
    }

    /**
     * A context on {@code master} ({@code null}: the master configured outside, e.g. by spark-submit's
     * {@code --master}; if none is configured, {@code local[*]}).
     */
    public static SparkRunner open(String master) {
        SparkConf conf = new SparkConf().setAppName("coreloss");
        if (master != null) conf.setMaster(master);
        else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
        // quiet, self-contained embedded runs: no web UI port, no event log
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        try {
            return new SparkRunner(new JavaSparkContext(conf));
        } catch (IllegalAccessError | ExceptionInInitializerError e) {
            throw new IllegalStateException("Spark could not start on Java " + Runtime.version().feature()
                    + ": the JVM needs Spark's --add-opens flags (SparkRunner.JVM_FLAGS; environment/coreloss passes them): " + e, e);
        }
    }

    /** The Java context (for jobs of this package). */
    JavaSparkContext context() {
        return context;
    }

    /** The master URL, e.g. {@code local[2]}. */
    public String master() {
        return context.master();
    }

    /** Default parallelism (cores available to the job). */
    public int parallelism() {
        return context.defaultParallelism();
    }

    @Override
    public void close() {
        context.close();
    }

    @Override
    public String toString() {
        return "SparkRunner[" + Objects.requireNonNull(master()) + ", Spark " + context.version() + "]";
    }
}
