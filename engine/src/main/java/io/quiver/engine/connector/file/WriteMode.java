package io.quiver.engine.connector.file;

/** What writing into a location does with what is already there. */
public enum WriteMode {
  /** CREATE TABLE ... AS: the location must not hold data files yet. */
  CREATE,
  /** INSERT INTO a file table: new files are added beside the existing ones. */
  APPEND,
  /** COPY ... TO: the location's data files are replaced, all at once, when the write commits. */
  REPLACE
}
