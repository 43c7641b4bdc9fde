--liquibase formatted sql

--changeset allocar:017-settings-defaults
-- The system settings of ADM-4 with their defaults (the same as SettingKey's coded defaults, which also apply
-- when a row is missing). Amounts are XOF whole francs, percents 0..100. Rows an admin created or changed
-- before this ran are kept as they are.
INSERT INTO settings (key, value, value_type, description) VALUES
    ('fees.platform_percent', '10', 'decimal', 'Platform commission on each paid booking, percent of the amount'),
    ('fees.platform_fixed', '0', 'integer', 'Fixed platform fee per paid booking, XOF'),
    ('cancellation.window_hours', '24', 'integer',
     'Cancelling less than this many hours before departure costs a fee (passenger) or a penalty (driver)'),
    ('cancellation.fee_percent', '20', 'decimal',
     'Fee kept when a passenger cancels inside the window, percent of the amount'),
    ('cancellation.no_show_percent', '50', 'decimal',
     'Share of the amount kept when a passenger does not show up, percent'),
    ('cancellation.driver_penalty_amount', '1000', 'integer',
     'Fine withheld from the next payouts when a driver cancels inside the window, XOF'),
    ('cancellation.driver_penalty_points', '1', 'integer',
     'Penalty points added to a driver who cancels inside the window'),
    ('bookings.pending_expiry_hours', '3', 'integer',
     'A pending booking the driver has not answered lapses after this many hours'),
    ('bookings.max_unpaid_per_24h', '5', 'integer',
     'Unpaid bookings a passenger may hold within 24 hours (anti-fraud)'),
    ('payouts.minimum', '5000', 'integer', 'Smallest driver payout, XOF; smaller balances wait for the next run'),
    ('wallet.withdraw_minimum', '1000', 'integer', 'Smallest wallet withdrawal, XOF'),
    ('notifications.templates',
     '{"otp_sms": "otp-sms-v1", "booking_requested": "booking-requested-v1", "booking_accepted": "booking-accepted-v1", "booking_paid": "booking-paid-v1", "trip_reminder": "trip-reminder-v1", "trip_cancelled": "trip-cancelled-v1"}',
     'json', 'Email/SMS/push template ids by notification name'),
    ('allow_auto_accept', 'true', 'bool',
     'Drivers may let bookings be accepted automatically (a trip''s allow_auto_accept applies only when on)'),
    ('require_kyc_for_driver', 'true', 'bool',
     'Publishing trips and receiving payouts need an approved identity verification'),
    ('enable_wallet', 'true', 'bool', 'The wallet (top-up, pay, withdraw) is on'),
    ('pricing.axes',
     '[{"name": "Abidjan–Yamoussoukro", "ends": [{"lat": 5.36, "lon": -4.0083}, {"lat": 6.8276, "lon": -5.2893}], "radius_km": 30, "floor": 3000, "ceiling": 10000},
       {"name": "Abidjan–Bouaké", "ends": [{"lat": 5.36, "lon": -4.0083}, {"lat": 7.69, "lon": -5.03}], "radius_km": 30, "floor": 4000, "ceiling": 15000},
       {"name": "Abidjan–San-Pédro", "ends": [{"lat": 5.36, "lon": -4.0083}, {"lat": 4.7485, "lon": -6.6363}], "radius_km": 30, "floor": 4000, "ceiling": 15000}]',
     'json', 'Price floor and ceiling per seat (XOF) on popular axes, both directions (TRIP-6)')
ON CONFLICT (key) DO NOTHING;
--rollback DELETE FROM settings WHERE updated_by IS NULL AND key IN ('fees.platform_percent', 'fees.platform_fixed', 'cancellation.window_hours', 'cancellation.fee_percent', 'cancellation.no_show_percent', 'cancellation.driver_penalty_amount', 'cancellation.driver_penalty_points', 'bookings.pending_expiry_hours', 'bookings.max_unpaid_per_24h', 'payouts.minimum', 'wallet.withdraw_minimum', 'notifications.templates', 'allow_auto_accept', 'require_kyc_for_driver', 'enable_wallet', 'pricing.axes');
