package com.allocar.reconciliation;

import com.allocar.payments.PaymentProvider;
import com.allocar.platform.persistence.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One run of the daily reconciliation. Read through JPA; written by {@link ReconciliationRuns}' statements only
 * (progress and counts are conditional updates, so the entity maps every column read-only).
 */
@Entity
@Table(name = "reconciliation_runs")
public class ReconciliationRun extends TimestampedEntity {
    @Column(nullable = false, insertable = false, updatable = false)
    private LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(insertable = false, updatable = false)
    private PaymentProvider provider;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, insertable = false, updatable = false)
    private RunStatus status;

    @Column(name = "records_checked", nullable = false, insertable = false, updatable = false)
    private int recordsChecked;

    @Column(name = "records_unchecked", nullable = false, insertable = false, updatable = false)
    private int recordsUnchecked;

    @Column(nullable = false, insertable = false, updatable = false)
    private int differences;

    @Column(nullable = false, insertable = false, updatable = false)
    private int repaired;

    @Column(insertable = false, updatable = false)
    private String phase;

    @Column(name = "phase_cursor", insertable = false, updatable = false)
    private String phaseCursor;

    @Enumerated(EnumType.STRING)
    @Column(name = "triggered_by", nullable = false, insertable = false, updatable = false)
    private RunTrigger triggeredBy;

    @Column(name = "admin_id", insertable = false, updatable = false)
    private UUID adminId;

    @Column(name = "batch_instance_id", insertable = false, updatable = false)
    private Long batchInstanceId;

    @Column(name = "batch_execution_id", insertable = false, updatable = false)
    private Long batchExecutionId;

    @Column(insertable = false, updatable = false)
    private String failure;

    @Column(name = "started_at", nullable = false, insertable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "finished_at", insertable = false, updatable = false)
    private Instant finishedAt;

    protected ReconciliationRun() {
    }

    public LocalDate getDay() {
        return day;
    }

    public PaymentProvider getProvider() {
        return provider;
    }

    public RunStatus getStatus() {
        return status;
    }

    public int getRecordsChecked() {
        return recordsChecked;
    }

    public int getRecordsUnchecked() {
        return recordsUnchecked;
    }

    public int getDifferences() {
        return differences;
    }

    public int getRepaired() {
        return repaired;
    }

    public String getPhase() {
        return phase;
    }

    public String getPhaseCursor() {
        return phaseCursor;
    }

    public RunTrigger getTriggeredBy() {
        return triggeredBy;
    }

    public UUID getAdminId() {
        return adminId;
    }

    public Long getBatchInstanceId() {
        return batchInstanceId;
    }

    public Long getBatchExecutionId() {
        return batchExecutionId;
    }

    public String getFailure() {
        return failure;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
