package io.github.gatlingssh.action.sftp;

import io.github.gatlingssh.action.SshAttributes;

/** What a file transfer action needs of its request, SFTP's or SCP's. */
public interface TransferRequest {

  /** The request's name, connection name, checks and timeout. */
  SshAttributes base();

  /** What the request does. */
  SftpVerb verb();
}
