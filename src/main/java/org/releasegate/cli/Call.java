package org.releasegate.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;

/** A command: the global options, the context, and what it does. */
abstract class Call implements Callable<Integer> {

	@Mixin
	Global options;

	final Context context;

	Call(Context context) {
		this.context = context;
	}

	@Override
	public final Integer call() {
		return run();
	}

	abstract int run();

	String environment() {
		return context.settings().environmentOr(options.environment);
	}

	Printer printer() {
		return new Printer(options, context.out());
	}

	ServiceClient client() {
		return context.client();
	}

}
