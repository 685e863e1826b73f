package io.eksnet.scan;

/**
 * What a long scan is doing, for a terminal: the phase, and during loading how many files are done.
 * Reports never see it. Called from the scanning thread.
 */
public interface Progress {

  /** Reports nothing. */
  Progress NONE =
      new Progress() {
        @Override
        public void phase(String name) {}

        @Override
        public void loaded(int done, int total) {}
      };

  /** A new phase begins: {@code loading}, {@code relating and checking}, {@code done}. */
  void phase(String name);

  /** {@code done} of {@code total} files are loaded. */
  void loaded(int done, int total);
}
