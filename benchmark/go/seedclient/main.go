// Command seedclient runs the seed workload (parallel-ssh's benchmark) on Go's
// golang.org/x/crypto/ssh, the strongest peer benchmark/run compares gatling-ssh with.
//
// Each session: connect + key exchange + public key auth, exec `cat FILE` (want-reply),
// read its output to EOF and its exit status, exec it again on the same connection, read
// it line by line, disconnect. Steps are named as gatling-ssh's SeedSimulation names its
// requests and written in benchmark/run's step file format (tab-separated):
//
//	N  kex  hostkey  cipher  mac                  the algorithms (the client's first choices,
//	                                              which OpenSSH accepts: the client's order wins)
//	R  name  startMs  endMs  ok  message          one step of one session
//	C  epochMs  cpuMs                             the process's CPU (user + system), every 5 ms
//
// Modes: -mode once starts -users sessions at once, in lockstep phases (every session ends a
// phase before any starts the next), after -warmup sequential sessions; -mode steady keeps
// -users sessions looping the sequence for -duration, without barriers.
//
// Build in GOPATH mode over Debian's golang-golang-x-crypto-dev tree:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o seedclient .
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

const (
	stepConnect    = "connect"
	stepStart      = "start"
	stepCloseExit  = "close and exit status"
	stepExecute    = "execute"
	stepChannel    = "channel read"
	stepDisconnect = "disconnect"
)

var (
	kex     = []string{"curve25519-sha256"}
	ciphers = []string{"aes128-gcm@openssh.com", "chacha20-poly1305@openssh.com", "aes128-ctr"}
	macs    = []string{"hmac-sha2-256-etm@openssh.com", "hmac-sha2-256"}
)

type record struct {
	name       string
	start, end float64
	ok         bool
	msg        string
}

type recorder struct {
	mu    sync.Mutex
	steps []record
	cpu   []string
}

func (r *recorder) add(name string, start float64, err error) {
	rec := record{name: name, start: start, end: nowMillis(), ok: err == nil}
	if err != nil {
		rec.msg = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(err.Error())
	}
	r.mu.Lock()
	r.steps = append(r.steps, rec)
	r.mu.Unlock()
}

func (r *recorder) sampleCPU() {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	cpu := float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e6
	r.mu.Lock()
	r.cpu = append(r.cpu, fmt.Sprintf("C\t%.3f\t%.3f", nowMillis(), cpu))
	r.mu.Unlock()
}

func nowMillis() float64 { return float64(time.Now().UnixNano()) / 1e6 }

// barrier lets N sessions run the phases in lockstep; a failed session leaves it.
type barrier struct {
	mu      sync.Mutex
	cond    *sync.Cond
	parties int
	arrived int
	phase   int
}

func newBarrier(n int) *barrier {
	b := &barrier{parties: n}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *barrier) arrive() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	phase := b.phase
	b.arrived++
	b.advanceIfAll()
	for phase == b.phase {
		b.cond.Wait()
	}
}

func (b *barrier) leave() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.parties--
	b.advanceIfAll()
}

func (b *barrier) advanceIfAll() {
	if b.arrived >= b.parties {
		b.arrived = 0
		b.phase++
		b.cond.Broadcast()
	}
}

type workload struct {
	addr    string
	config  *ssh.ClientConfig
	command string
	lines   int
	bytes   int64
	rec     *recorder
}

// session runs the seed sequence once; barriers is nil outside the lockstep mode.
func (w *workload) session(b *barrier) {
	var client *ssh.Client
	var first, second *ssh.Session
	var out1, out2 io.Reader
	// step times and records one step; a session whose step failed leaves the lockstep
	step := func(name string, run func() error) bool {
		t := nowMillis()
		err := run()
		w.rec.add(name, t, err)
		if err != nil {
			b.leave()
		}
		return err == nil
	}
	if !step(stepConnect, func() (err error) { client, err = w.connect(); return }) {
		return
	}
	defer client.Close()
	// each of these ends at the barrier: in lockstep, all sessions start the next step together
	steps := []struct {
		name string
		run  func() error
	}{
		{stepStart, func() (err error) { first, out1, err = start(client, w.command); return }},
		{stepCloseExit, func() error { return w.await(first, out1, false) }},
		{stepExecute, func() (err error) { second, out2, err = start(client, w.command); return }},
		{stepChannel, func() error { return w.await(second, out2, true) }},
	}
	for _, s := range steps {
		if !step(s.name, s.run) {
			return
		}
		b.arrive()
	}
	step(stepDisconnect, func() error {
		err := client.Close()
		if err != nil && strings.Contains(err.Error(), "use of closed") {
			return nil
		}
		return err
	})
}

func (w *workload) connect() (*ssh.Client, error) {
	conn, err := net.DialTimeout("tcp", w.addr, 30*time.Second)
	if err != nil {
		return nil, err
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		tcp.SetNoDelay(true)
	}
	c, chans, reqs, err := ssh.NewClientConn(conn, w.addr, w.config)
	if err != nil {
		conn.Close()
		return nil, err
	}
	return ssh.NewClient(c, chans, reqs), nil
}

func start(client *ssh.Client, command string) (*ssh.Session, io.Reader, error) {
	s, err := client.NewSession()
	if err != nil {
		return nil, nil, err
	}
	out, err := s.StdoutPipe()
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	if err := s.Start(command); err != nil { // exec with want-reply: returns once accepted
		s.Close()
		return nil, nil, err
	}
	return s, out, nil
}

// await reads the output to EOF (line by line when byLine) and the exit status.
func (w *workload) await(s *ssh.Session, out io.Reader, byLine bool) error {
	defer s.Close()
	var lines int
	var n int64
	if byLine {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines++
			n += int64(len(sc.Bytes())) + 1
		}
		if err := sc.Err(); err != nil {
			return err
		}
	} else {
		buf := make([]byte, 32*1024)
		for {
			k, err := out.Read(buf)
			for _, c := range buf[:k] {
				if c == '\n' {
					lines++
				}
			}
			n += int64(k)
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
		}
	}
	if err := s.Wait(); err != nil {
		return err
	}
	if lines != w.lines || n != w.bytes {
		return fmt.Errorf("%d lines, %d bytes", lines, n)
	}
	return nil
}

func main() {
	host := flag.String("host", "127.0.0.1", "server host")
	port := flag.Int("port", 22, "server port")
	user := flag.String("user", "", "user name")
	keyPath := flag.String("key", "", "private key file (unencrypted)")
	knownHosts := flag.String("knownHosts", "", "known_hosts file with the server's host key")
	file := flag.String("file", "", "the file to cat on the server")
	lines := flag.Int("lines", 333, "lines the file has")
	bytes := flag.Int64("bytes", 26640, "bytes the file has")
	mode := flag.String("mode", "once", "once (N at once, lockstep) or steady (N looping for -duration)")
	users := flag.Int("users", 1, "sessions at once")
	warmUp := flag.Int("warmup", 0, "sequential sessions before the measured ones")
	duration := flag.Duration("duration", 60*time.Second, "steady mode: how long the users loop")
	steps := flag.String("steps", "", "where to write the step file (default: standard output)")
	pause := flag.Bool("pause", false, "after the warm-up, print \"ready\" and wait for a line on standard input")
	flag.Parse()

	keyBytes, err := os.ReadFile(*keyPath)
	check(err)
	signer, err := ssh.ParsePrivateKey(keyBytes)
	check(err)
	hostKeys, err := knownhosts.New(*knownHosts)
	check(err)
	rec := &recorder{}
	w := &workload{
		addr: net.JoinHostPort(*host, strconv.Itoa(*port)),
		config: &ssh.ClientConfig{
			User:              *user,
			Auth:              []ssh.AuthMethod{ssh.PublicKeys(signer)},
			HostKeyCallback:   hostKeys,
			HostKeyAlgorithms: []string{ssh.KeyAlgoED25519},
			Config:            ssh.Config{KeyExchanges: kex, Ciphers: ciphers, MACs: macs},
			Timeout:           30 * time.Second,
		},
		command: "cat " + *file,
		lines:   *lines,
		bytes:   *bytes,
		rec:     rec,
	}

	warm := &workload{addr: w.addr, config: w.config, command: w.command, lines: w.lines, bytes: w.bytes, rec: &recorder{}}
	for i := 0; i < *warmUp; i++ {
		warm.session(nil)
	}
	if *pause {
		// the warm-up ran against the server under test: benchmark/run reads the server's CPU
		// here, once the warm-up's sessions have ended, so that they do not count
		fmt.Println("ready")
		_, err := bufio.NewReader(os.Stdin).ReadString('\n')
		check(err)
	}

	rec.sampleCPU()
	// CPU samples every 5 ms (as the JVM clients' sampler takes them), so that the CPU of any
	// window (a phase, the steady state) can be read afterwards
	sampling := time.NewTicker(5 * time.Millisecond)
	stopSampling := make(chan struct{})
	samplerDone := make(chan struct{})
	go func() {
		defer close(samplerDone)
		for {
			select {
			case <-sampling.C:
				rec.sampleCPU()
			case <-stopSampling:
				return
			}
		}
	}()
	var wg sync.WaitGroup
	switch *mode {
	case "once":
		b := newBarrier(*users)
		for i := 0; i < *users; i++ {
			wg.Add(1)
			go func() { defer wg.Done(); w.session(b) }()
		}
	case "steady":
		deadline := time.Now().Add(*duration)
		for i := 0; i < *users; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for time.Now().Before(deadline) {
					w.session(nil)
				}
			}()
		}
	default:
		check(fmt.Errorf("unknown -mode %q: once or steady", *mode))
	}
	wg.Wait()
	sampling.Stop()
	close(stopSampling)
	<-samplerDone
	rec.sampleCPU()

	var sb strings.Builder
	fmt.Fprintf(&sb, "N\t%s\t%s\t%s\t%s\n", kex[0], ssh.KeyAlgoED25519, ciphers[0], "implicit")
	failed := 0
	for _, r := range rec.steps {
		if !r.ok {
			failed++
		}
		fmt.Fprintf(&sb, "R\t%s\t%.3f\t%.3f\t%t\t%s\n", r.name, r.start, r.end, r.ok, r.msg)
	}
	for _, c := range rec.cpu {
		sb.WriteString(c + "\n")
	}
	if *steps == "" {
		fmt.Print(sb.String())
	} else {
		check(os.WriteFile(*steps, []byte(sb.String()), 0o644))
	}
	if failed > 0 {
		os.Exit(3)
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "seedclient:", err)
		os.Exit(1)
	}
}
