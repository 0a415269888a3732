package org.releasegate.traffic.adapter.nginx;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import org.releasegate.traffic.adapter.BindingSettings;
import org.releasegate.traffic.adapter.LoadBalancerAdapter;
import org.releasegate.traffic.adapter.LoadBalancerException;
import org.releasegate.traffic.adapter.MemberShares;

import org.springframework.stereotype.Component;

/**
 * NGINX open source has no API for weights, so the adapter owns one upstream block in an
 * include file: it rewrites the block, has NGINX check the whole configuration, and
 * reloads. The running configuration changes only on reload, so a change NGINX rejects is
 * put back before anything serves it.
 */
@Component
class NginxAdapter implements LoadBalancerAdapter {

	private static final Pattern SERVER_ADDRESS = Pattern.compile("[A-Za-z0-9._:\\[\\]/-]+");

	private static final long COMMAND_TIMEOUT_SECONDS = 30;

	/** One rewrite at a time per file within this instance. */
	private final Map<Path, ReentrantLock> locks = new ConcurrentHashMap<>();

	@Override
	public String type() {
		return "nginx";
	}

	@Override
	public void validate(BindingSettings settings) {
		NginxSettings.of(settings);
	}

	@Override
	public java.util.Set<String> bindingSettings() {
		return java.util.Set.of("upstream");
	}

	@Override
	public MemberShares observe(BindingSettings settings) {
		NginxSettings nginx = NginxSettings.of(settings);
		return UpstreamBlock.parse(read(nginx.upstreamFile()), nginx.upstream()).shares();
	}

	@Override
	public void apply(BindingSettings settings, MemberShares desired) {
		NginxSettings nginx = NginxSettings.of(settings);
		desired.percentByMember().keySet().forEach(NginxAdapter::checkAddress);
		ReentrantLock lock = locks.computeIfAbsent(nginx.upstreamFile(), file -> new ReentrantLock());
		lock.lock();
		try {
			String previous = read(nginx.upstreamFile());
			String next = UpstreamBlock.parse(previous, nginx.upstream()).with(desired).render();
			replace(nginx.upstreamFile(), next);
			try {
				run(nginx.testCommand(), "configuration check");
				run(nginx.reloadCommand(), "reload");
			}
			catch (LoadBalancerException ex) {
				// The file must keep telling what NGINX serves: observe reads it, and the
				// reconciler pushes again only where it differs from the desired split.
				replace(nginx.upstreamFile(), previous);
				throw ex;
			}
		}
		finally {
			lock.unlock();
		}
	}

	/** Member names end up in the configuration: nothing but an address may pass. */
	private static void checkAddress(String member) {
		if (!SERVER_ADDRESS.matcher(member).matches() || member.startsWith("-")) {
			throw new LoadBalancerException(
					"'" + member + "' is not an NGINX server address (host:port or unix:/path)");
		}
	}

	private static String read(Path file) {
		try {
			return org.releasegate.traffic.adapter.ConnectionFiles.read(file);
		}
		catch (NoSuchFileException ex) {
			throw new LoadBalancerException("upstream file " + file + " does not exist",
					"the load balancer's upstream file is missing");
		}
		catch (IOException ex) {
			throw new LoadBalancerException("cannot read upstream file " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** Writes beside the file, then renames over it, so NGINX never sees half a file. */
	private static void replace(Path file, String content) {
		Path temp = file.resolveSibling("." + file.getFileName() + ".releasegate.tmp");
		try {
			Files.writeString(temp, content, StandardCharsets.UTF_8);
			keepPermissions(file, temp);
			Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new LoadBalancerException("cannot write upstream file " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The rewritten file keeps the mode the operator gave it (the temp file has ours).
	 */
	private static void keepPermissions(Path file, Path temp) throws IOException {
		try {
			Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file));
		}
		catch (UnsupportedOperationException | NoSuchFileException ex) {
			// not a POSIX file system, or no previous file: the default mode will do
		}
	}

	private static void run(List<String> command, String what) {
		Path output = null;
		try {
			output = Files.createTempFile("releasegate-nginx", ".out");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
			if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new LoadBalancerException(
						"NGINX " + what + " did not finish within " + COMMAND_TIMEOUT_SECONDS + " s",
						"the load balancer did not answer in time");
			}
			if (process.exitValue() != 0) {
				throw new LoadBalancerException(
						"NGINX " + what + " failed: " + Files.readString(output, StandardCharsets.UTF_8).trim(),
						"the load balancer refused the change");
			}
		}
		catch (IOException ex) {
			throw new LoadBalancerException("cannot run " + command.get(0) + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LoadBalancerException("interrupted during NGINX " + what, ex);
		}
		finally {
			if (output != null) {
				output.toFile().delete();
			}
		}
	}

}
