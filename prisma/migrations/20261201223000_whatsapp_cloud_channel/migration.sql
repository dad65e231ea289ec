-- AlterEnum
ALTER TYPE "channel" ADD VALUE 'whatsapp_cloud';

-- AlterEnum
ALTER TYPE "delivery_status" ADD VALUE 'held';
