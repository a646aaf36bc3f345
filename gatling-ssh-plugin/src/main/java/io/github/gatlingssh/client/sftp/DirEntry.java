package io.github.gatlingssh.client.sftp;

/**
 * One name of a directory listing.
 *
 * @param name the file name, without the directory
 * @param longName the server's {@code ls -l} style line (version 3; its format is the server's)
 * @param attributes the attributes the server sent with the name
 */
public record DirEntry(String name, String longName, FileAttributes attributes) {}
