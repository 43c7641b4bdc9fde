package com.allocar.jobs;

import com.allocar.platform.settings.SettingKey;

/**
 * The jobs that run on a schedule (JOB-1..JOB-3): the job XML name (in {@code batch-jobs/}, also the job id) and the
 * setting that holds its cron expression.
 */
public enum ScheduledJob {
    PAYOUTS("payouts", SettingKey.JOBS_PAYOUTS_CRON),
    RECONCILIATION("reconciliation", SettingKey.JOBS_RECONCILIATION_CRON),
    CLEANUP("cleanup", SettingKey.JOBS_CLEANUP_CRON);

    private final String jobName;
    private final SettingKey cron;

    ScheduledJob(String jobName, SettingKey cron) {
        this.jobName = jobName;
        this.cron = cron;
    }

    public String jobName() {
        return jobName;
    }

    public SettingKey cronSetting() {
        return cron;
    }
}
