// Mobile money (M-Pesa, Mixx by Yas / Tigo Pesa, Airtel Money, HaloPesa): pledges and booking payments paid from the chat.
export const en = {
  "help.line.pay": "/pay [REF] [AMOUNT] [PHONE] – pay your pledge by mobile money, e.g. /pay M-7K2QX 50,000",
  "help.line.paybooking":
    "/paybooking REF deposit|balance [PHONE] – pay a booking's deposit or balance by mobile money",
  "help.line.receipts": "/receipts CODE – mobile-money payments to your event, with their receipts",
  "pay.now_button": "Pay now",
  "pay.usage": "Send the pledge's reference, and the amount if you pay part of it, for example: /pay M-7K2QX 50,000",
  "pay.no_pledge": "You have no pledge waiting to be paid. Pledge first with /contribute.",
  "pay.unknown": 'I could not find your pledge "{ref}". Send /mycontributions to see your pledges.',
  "pay.settled": "Your pledge {ref} is fully paid. Thank you!",
  "pay.unavailable":
    "Paying by mobile money is not set up for {currency} yet. Please pay the organizer directly; they will record it.",
  "pay.need_phone":
    "Which number should get the payment prompt? Send it with the command, for example: /pay {ref} 0712 345 678",
  "pay.prompt_sent":
    "A payment request for {amount} ({ref}) is on its way to {phone}. When the prompt appears on that phone, enter your mobile-money PIN there. Nuru never asks for your PIN in the chat.",
  "pay.sandbox_note": "Try-out: no real money moves. Tap what you did on the phone.",
  "pay.sandbox.pin": "I entered my PIN",
  "pay.sandbox.cancel": "Cancel",
  "pay.retry_button": "Try again",
  "pay.already_open":
    "A payment request for {ref} is already waiting on {phone}. Enter your PIN there, or try again in a few minutes.",
  "pay.finished": "That payment request is already finished.",
  "pay.thanks": "Received {amount} for {event}, receipt {receipt}. Thank you! Paid so far: {paid} of {pledged}.",
  "pay.failed": "The payment of {amount} ({ref}) did not go through: {reason}",
  "pay.reason.cancelled": "the request was cancelled on the phone.",
  "pay.reason.no_answer": "the phone did not answer in time (switched off, or out of network?).",
  "pay.reason.insufficient": "there was not enough money in the wallet.",
  "pay.reason.wrong_pin": "the PIN was wrong.",
  "pay.reason.busy": "another payment was in progress on that phone. Wait a minute and try again.",
  "pay.reason.other": "the mobile-money provider refused it.",
  "pay.mismatch":
    "The provider reported a payment for {ref} that does not match what was asked, so nothing was recorded. The organizer will look into it.",
  "pay.organizer_told":
    "{name} paid {amount} by mobile money towards pledge {ref}, receipt {receipt}. Paid {paid} of {pledged}; outstanding {outstanding}.",
  "pay.organizer_mismatch":
    "A mobile-money payment for {ref} ({name}) did not match what was asked (provider receipt {receipt}), so it was not recorded. Check it on your statement and record it with /paid if it is right.",
  "pay.unrecorded":
    "Received {amount} for {ref}, receipt {receipt}, but it could not be recorded: {why} The organizer has been told and will sort it out with you.",
  "pay.organizer_unrecorded":
    "{name} paid {amount} by mobile money for {ref}, receipt {receipt}, but it could not be recorded: {why} Check it on your statement, then record it by hand or refund it.",
  "pay.unrecorded.pledge_gone": "the pledge no longer exists.",
  "pay.unrecorded.booking_gone": "the booking no longer exists.",
  "pay.unrecorded.booking_cancelled": "the booking is no longer confirmed.",
  "pay.unrecorded.already_paid": "that payment step was already paid.",
  "pay.unrecorded.not_organizer": "the payer no longer organizes the event.",
  "pay.retry_not_failed": "That payment request has not failed, so there is nothing to try again.",
  "pay.what.deposit": "deposit",
  "pay.what.balance": "balance",
  "pay.booking_usage": "Send the booking's reference and what you pay, for example: /paybooking B-7K2QX deposit",
  "pay.booking_unknown":
    'I could not find a confirmed booking "{ref}" in your events. Send /bookings CODE to see them.',
  "pay.booking_nothing": "Nothing to pay: the {what} of booking {ref} is already paid or has no amount.",
  "pay.booking_thanks": "Paid {amount} ({what}) for {service}, receipt {receipt}. {provider} has been told.",
  "pay.provider_told":
    "{organizer} paid the {what} of {amount} for booking {ref} ({event}) by mobile money, receipt {receipt}.",
  "pay.receipts_header": "Mobile-money payments to {event}:",
  "pay.receipts_none": "No mobile-money payments to {event} yet.",
  "pay.receipts_line": "• {ref} {name}: {amount} {status} {receipt}",
  "pay.status.paid": "paid, receipt",
  "pay.status.open": "waiting for the PIN",
  "pay.status.failed": "did not go through",
  "pay.status.mismatch": "did not match: check",
  "pay.reminder_unpaid":
    "{event} is on {when}. Your pledge {ref} still has {outstanding} to pay. Tap Pay now to pay it by mobile money, or send /pay {ref} with an amount to pay part of it.",
  "pay.export.head": "Outstanding|Paid by mobile money|Receipts",
  "pay.ask_phone":
    "Which number should get the payment prompt for {ref}? Share your contact with the button, or type the number (for example 0712 345 678).",
  "pay.phone_invalid": 'I could not read "{text}" as a phone number. Type it like 0712 345 678, or share your contact.',
  "pay.which_pledge": "Which pledge do you want to pay?",
  "pay.share_phone_button": "Share my number",
  "pay.pledge_choice": "{ref} ({event}): {outstanding}",
} as const;

export const sw: Record<keyof typeof en, string> = {
  "help.line.pay": "/lipa [KUMB] [KIASI] [NAMBA] – lipa ahadi yako kwa pesa ya simu, mf. /lipa M-7K2QX 50,000",
  "help.line.paybooking":
    "/lipahuduma KUMB amana|salio [NAMBA] – lipa amana au salio la huduma uliyoweka kwa pesa ya simu",
  "help.line.receipts": "/stakabadhi CODE – malipo ya simu kwa shughuli yako, pamoja na stakabadhi zake",
  "pay.now_button": "Lipa sasa",
  "pay.usage": "Tuma kumbukumbu ya ahadi, na kiasi kama unalipa sehemu, kwa mfano: /lipa M-7K2QX 50,000",
  "pay.no_pledge": "Huna ahadi inayosubiri kulipwa. Toa ahadi kwanza kwa /changia.",
  "pay.unknown": 'Sijaipata ahadi yako "{ref}". Tuma /michangoyangu kuona ahadi zako.',
  "pay.settled": "Ahadi yako {ref} imeshalipwa yote. Asante sana!",
  "pay.unavailable":
    "Malipo kwa pesa ya simu bado hayajawekwa kwa {currency}. Tafadhali mlipe mwandaaji moja kwa moja; yeye ataandika malipo.",
  "pay.need_phone": "Ombi la malipo litumwe kwa namba gani? Itume pamoja na amri, kwa mfano: /lipa {ref} 0712 345 678",
  "pay.prompt_sent":
    "Ombi la malipo la {amount} ({ref}) linatumwa kwa {phone}. Ujumbe wa kuweka PIN ukitokea kwenye simu hiyo, weka PIN yako ya pesa ya simu hapo. Nuru haitakuomba PIN yako hapa kwenye chat.",
  "pay.sandbox_note": "Majaribio: hakuna pesa halisi inayotoka. Bonyeza ulichofanya kwenye simu.",
  "pay.sandbox.pin": "Nimeweka PIN",
  "pay.sandbox.cancel": "Ghairi",
  "pay.retry_button": "Jaribu tena",
  "pay.already_open":
    "Ombi la malipo la {ref} tayari linasubiri kwenye {phone}. Weka PIN yako hapo, au jaribu tena baada ya dakika chache.",
  "pay.finished": "Ombi hilo la malipo limeshamalizika.",
  "pay.thanks":
    "Tumepokea {amount} kwa {event}, stakabadhi {receipt}. Asante sana! Umeshalipa {paid} kati ya {pledged}.",
  "pay.failed": "Malipo ya {amount} ({ref}) hayakukamilika: {reason}",
  "pay.reason.cancelled": "ombi lilighairiwa kwenye simu.",
  "pay.reason.no_answer": "simu haikujibu kwa wakati (imezimwa, au haina mtandao?).",
  "pay.reason.insufficient": "salio halitoshi kwenye akaunti ya pesa ya simu.",
  "pay.reason.wrong_pin": "PIN haikuwa sahihi.",
  "pay.reason.busy": "kuna malipo mengine yanaendelea kwenye simu hiyo. Subiri dakika moja kisha ujaribu tena.",
  "pay.reason.other": "mtoa huduma wa pesa ya simu amelikataa.",
  "pay.mismatch":
    "Mtoa huduma ameripoti malipo ya {ref} yasiyolingana na yaliyoombwa, kwa hiyo hayajaandikwa. Mwandaaji ataangalia.",
  "pay.organizer_told":
    "{name} amelipa {amount} kwa pesa ya simu kwa ahadi {ref}, stakabadhi {receipt}. Amelipa {paid} kati ya {pledged}; bado {outstanding}.",
  "pay.organizer_mismatch":
    "Malipo ya simu ya {ref} ({name}) hayakulingana na yaliyoombwa (stakabadhi {receipt}), kwa hiyo hayajaandikwa. Angalia taarifa ya akaunti yako, na kama ni sahihi yaandike kwa /malipo.",
  "pay.unrecorded":
    "Tumepokea {amount} kwa {ref}, stakabadhi {receipt}, lakini hayakuweza kurekodiwa: {why} Mratibu ameambiwa na atalishughulikia pamoja nawe.",
  "pay.organizer_unrecorded":
    "{name} amelipa {amount} kwa pesa ya simu kwa {ref}, stakabadhi {receipt}, lakini hayakuweza kurekodiwa: {why} Yaangalie kwenye taarifa yako, kisha yarekodi kwa mkono au yarudishe.",
  "pay.unrecorded.pledge_gone": "ahadi hiyo haipo tena.",
  "pay.unrecorded.booking_gone": "huduma hiyo haipo tena.",
  "pay.unrecorded.booking_cancelled": "huduma hiyo haijathibitishwa tena.",
  "pay.unrecorded.already_paid": "hatua hiyo ya malipo ilishalipwa.",
  "pay.unrecorded.not_organizer": "aliyelipa si mratibu wa shughuli tena.",
  "pay.retry_not_failed": "Ombi hilo la malipo halijashindikana, kwa hiyo hakuna cha kujaribu tena.",
  "pay.what.deposit": "amana",
  "pay.what.balance": "salio",
  "pay.booking_usage": "Tuma kumbukumbu ya huduma na unacholipa, kwa mfano: /lipahuduma B-7K2QX amana",
  "pay.booking_unknown": 'Sijapata huduma iliyothibitishwa "{ref}" kwenye shughuli zako. Tuma /huduma CODE kuziona.',
  "pay.booking_nothing": "Hakuna cha kulipa: {what} ya huduma {ref} imeshalipwa au haina kiasi.",
  "pay.booking_thanks": "Umelipa {amount} ({what}) kwa {service}, stakabadhi {receipt}. {provider} amearifiwa.",
  "pay.provider_told":
    "{organizer} amelipa {what} ya {amount} kwa huduma {ref} ({event}) kwa pesa ya simu, stakabadhi {receipt}.",
  "pay.receipts_header": "Malipo ya simu kwa {event}:",
  "pay.receipts_none": "Bado hakuna malipo ya simu kwa {event}.",
  "pay.receipts_line": "• {ref} {name}: {amount} {status} {receipt}",
  "pay.status.paid": "yamelipwa, stakabadhi",
  "pay.status.open": "inasubiri PIN",
  "pay.status.failed": "hayakukamilika",
  "pay.status.mismatch": "hayalingani: angalia",
  "pay.reminder_unpaid":
    "{event} ni {when}. Ahadi yako {ref} bado ina {outstanding} ya kulipa. Bonyeza Lipa sasa kulipa kwa pesa ya simu, au tuma /lipa {ref} na kiasi kulipa sehemu.",
  "pay.export.head": "Bado|Imelipwa kwa simu|Stakabadhi",
  "pay.ask_phone":
    "Ombi la malipo la {ref} litumwe kwa namba gani? Tuma namba yako kwa kitufe, au iandike (kwa mfano 0712 345 678).",
  "pay.phone_invalid":
    'Sijaweza kusoma "{text}" kama namba ya simu. Iandike kama 0712 345 678, au tuma namba yako kwa kitufe.',
  "pay.which_pledge": "Unataka kulipa ahadi ipi?",
  "pay.share_phone_button": "Tuma namba yangu",
  "pay.pledge_choice": "{ref} ({event}): {outstanding}",
};
