package io.dropwizard.servlets.tasks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Stands in for Dropwizard's task servlet: {@code getTasks()} of tasks with {@code getName()}. */
public final class TaskServlet {

    private final List<Object> tasks = new ArrayList<>();

    /** @param names the names of the tasks to hold */
    public TaskServlet(String... names) {
        for (String name : names) {
            tasks.add(new GcTask(name));
        }
    }

    /** @return the tasks, like Dropwizard's */
    public Collection<Object> getTasks() {
        return tasks;
    }

    /** A task. */
    public static final class GcTask {
        private final String name;

        GcTask(String name) {
            this.name = name;
        }

        /** @return the task's name */
        public String getName() {
            return name;
        }
    }
}
