package io.quiver.spi;

/** Where a connector's splits can be read. */
public enum SplitLocality {
  /** On any executor: generated data, or files on a path every executor can read. */
  ANYWHERE,
  /** Only on the hosts a split names ({@link Split#hosts()}): data that lives on those machines. */
  AT_HOSTS
}
