-- Contacts proposed from the resume: the city joins name, e-mail and phone (HR confirms it on intake).
ALTER TABLE candidates ADD COLUMN city TEXT;

-- Phones for duplicate detection were digits only ("79161234567"); they are E.164 now ("+79161234567",
-- libphonenumber-js, a number without a country code read as Russian), so old and new rows compare.
UPDATE candidates SET phone_norm = kam_phone_e164(phone) WHERE phone IS NOT NULL;
