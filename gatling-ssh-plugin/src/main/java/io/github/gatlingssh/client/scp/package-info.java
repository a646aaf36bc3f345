/**
 * SCP file transfers in the legacy protocol ({@code scp -t} to upload, {@code scp -f} to download)
 * on an exec channel per transfer, spoken on MINA's asynchronous streams without blocking: {@link
 * io.github.gatlingssh.client.scp.ScpTransfer}. Downloads feed the same sink as SFTP downloads
 * ({@link io.github.gatlingssh.client.sftp.DownloadSink}), uploads read the same source ({@link
 * io.github.gatlingssh.client.sftp.UploadSource}).
 */
package io.github.gatlingssh.client.scp;
