package io.github.gatlingssh.client.sftp;

import org.apache.sshd.common.util.buffer.Buffer;

/**
 * Receives the reply to one request, or the failure that means no reply will come. Exactly one of
 * the two is called, once, on a MINA I/O thread; neither may block.
 */
interface ReplyHandler {
  /**
   * The reply: its type, and its body after the request id. The buffer is only valid during the
   * call (it is the channel's read buffer): copy what must outlive it.
   */
  void onReply(int type, Buffer body);

  /** The channel closed or was aborted before the reply came. */
  void onFailure(SftpException failure);
}
