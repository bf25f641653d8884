package dev.concur.run;

/** concur's own version, from the jar manifest (set by Maven), or {@code dev} when run from classes. */
public final class Version {
    private Version() {}

    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
