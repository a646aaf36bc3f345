package io.github.gatlingssh.client.sftp;

import java.util.Map;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * A file's attributes as SFTP version 3 sends them; a field the server did not send is null.
 *
 * @param size bytes
 * @param uid numeric owner
 * @param gid numeric group
 * @param permissions POSIX mode bits, file type included (e.g. {@code 0100644})
 * @param atime last access, seconds since the epoch
 * @param mtime last modification, seconds since the epoch
 * @param extended extended attributes (name to raw value), empty when none
 */
public record FileAttributes(
    Long size,
    Integer uid,
    Integer gid,
    Integer permissions,
    Long atime,
    Long mtime,
    Map<String, String> extended) {

  static final int SIZE = 0x1;
  static final int UIDGID = 0x2;
  static final int PERMISSIONS = 0x4;
  static final int ACMODTIME = 0x8;
  static final int EXTENDED = 0x80000000;

  private static final int S_IFMT = 0170000;
  private static final int S_IFDIR = 0040000;
  private static final int S_IFREG = 0100000;
  private static final int S_IFLNK = 0120000;

  /** Whether the permissions say directory (false when the server sent no permissions). */
  public boolean isDirectory() {
    return permissions != null && (permissions & S_IFMT) == S_IFDIR;
  }

  /** Whether the permissions say regular file. */
  public boolean isRegularFile() {
    return permissions != null && (permissions & S_IFMT) == S_IFREG;
  }

  /** Whether the permissions say symbolic link (only {@code lstat} and listings show links). */
  public boolean isSymbolicLink() {
    return permissions != null && (permissions & S_IFMT) == S_IFLNK;
  }

  /** Reads an ATTRS structure at the buffer's read position. */
  static FileAttributes read(Buffer b) {
    int flags = b.getInt();
    Long size = (flags & SIZE) != 0 ? b.getLong() : null;
    boolean ids = (flags & UIDGID) != 0; // uid and gid come together
    Integer uid = ids ? b.getInt() : null;
    Integer gid = ids ? b.getInt() : null;
    Integer perms = (flags & PERMISSIONS) != 0 ? b.getInt() : null;
    boolean times = (flags & ACMODTIME) != 0; // atime and mtime too
    Long atime = times ? b.getUInt() : null;
    Long mtime = times ? b.getUInt() : null;
    Map<String, String> ext = Map.of();
    if ((flags & EXTENDED) != 0) {
      int n = b.getInt();
      java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        m.put(b.getString(), b.getString());
      }
      ext = java.util.Collections.unmodifiableMap(m);
    }
    return new FileAttributes(size, uid, gid, perms, atime, mtime, ext);
  }
}
