-- Every RSVP updates its invitation and guest row (status, time, party size), none of them indexed columns. Room
-- left on each page lets PostgreSQL make those heap-only updates, which touch no index: on invitations that is five
-- index entries not written per answer. Hand-written (Prisma's schema cannot express it), see prisma/README.md.
ALTER TABLE "invitations" SET (fillfactor = 80);
ALTER TABLE "event_guests" SET (fillfactor = 80);
