package io.github.gatlingssh.client.sftp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.common.util.buffer.Buffer;

/** A directory listing: OPENDIR, READDIR until end of file, CLOSE; "." and ".." left out. */
final class DirLister implements ReplyHandler {
  private final SftpSession session;
  private final String dir;
  private final CompletableFuture<List<DirEntry>> result = new CompletableFuture<>();
  private final List<DirEntry> entries = new ArrayList<>();
  private byte[] handle; // read on the thread of the previous reply: replies come one at a time

  DirLister(SftpSession session, String dir) {
    this.session = session;
    this.dir = dir;
  }

  CompletableFuture<List<DirEntry>> start() {
    session
        .openDir(dir)
        .whenComplete(
            Replies.orFail(
                result,
                h -> {
                  handle = h;
                  next();
                }));
    return result;
  }

  private void next() {
    SftpTransport t = session.transport();
    int id = t.nextId();
    t.send(id, SftpMessages.pathRequest(SftpMessages.READDIR, id, handle), this);
  }

  @Override
  public void onReply(int type, Buffer body) {
    if (type == SftpMessages.NAME) {
      int count = body.getInt();
      for (int i = 0; i < count; i++) {
        String name = body.getString();
        String longName = body.getString();
        FileAttributes attrs = FileAttributes.read(body);
        if (!name.equals(".") && !name.equals("..")) {
          entries.add(new DirEntry(name, longName, attrs));
        }
      }
      next();
      return;
    }
    SftpException e =
        type == SftpMessages.STATUS ? Replies.status(body, dir) : Replies.unexpected(type, dir);
    if (e.status() == SftpStatus.SSH_FX_EOF) {
      List<DirEntry> list = Collections.unmodifiableList(entries);
      session
          .closeHandle(handle, dir)
          .whenComplete(Replies.orFail(result, v -> result.complete(list)));
    } else {
      session.closeHandle(handle, dir); // best effort: the listing already failed
      result.completeExceptionally(e);
    }
  }

  @Override
  public void onFailure(SftpException failure) {
    result.completeExceptionally(failure);
  }
}
