import type { Polarity } from '../model/index.ts';

/**
 * Things people in an MSK service redesign might say, written for the demo (fictional). Keyed by
 * the template theme ids, then polarity.
 */
export const PHRASES: Record<string, Record<Polarity, string[]>> = {
  'theme-access': {
    want: [
      'I want to be able to refer myself to physio without waiting for a GP appointment first.',
      'Evening and Saturday appointments would mean I do not lose a day of pay.',
      'A phone line where a physio calls back the same day to say whether I need to be seen.',
      'Being told at the start roughly how long the wait will be, and keeping to it.',
      'Clinics closer to home, on a bus route, not just at the big hospital.',
      'A quick first chat by video so I know I am on the right path.',
      'Somewhere to go when the pain flares up again without starting from the beginning.',
    ],
    'do-not-want': [
      'Ringing at eight in the morning and being told all the appointments have gone.',
      'Waiting fourteen weeks for a first physio session with nobody checking on me.',
      'Being bounced between the GP and the hospital because nobody owns the referral.',
      'Appointments only in working hours when I am paid by the delivery.',
      'Parking that costs more than I earn in an hour just to be seen for twenty minutes.',
      'Having to take my child out of school for every single session.',
    ],
    neutral: [
      'I did not know physio was something you could ask for directly.',
      'It took me three goes to get through on the phone.',
    ],
  },
  'theme-information': {
    want: [
      'A text to say my referral has arrived and where I am in the queue.',
      'Plain-English leaflets and short videos of the exercises I can watch again.',
      'One named person I can contact when I have a question.',
      'Being asked how I want to be contacted and the service actually using it.',
      'Information in other languages and in easy read for people who need it.',
      'Letters that say what happens next instead of just the date.',
    ],
    'do-not-want': [
      'Letters full of medical words that I have to look up.',
      'Hearing nothing for weeks and wondering if I have been forgotten.',
      'An app that only works on the newest phones.',
      'Being sent to a website that does not answer my question.',
      'Finding out about a cancelled appointment when I arrive.',
    ],
    neutral: [
      'Most of what I know about my knee I found on the internet.',
      'The physio explained it really well but I forgot half of it by the time I got home.',
    ],
  },
  'theme-self-care': {
    want: [
      'Exercises that fit around a twelve hour shift, five minutes at a time.',
      'A group class with other people going through the same thing.',
      'Someone to check in after a few weeks to see if the exercises are working.',
      'Advice on working safely while my back recovers, not just being told to rest.',
      'Help with the cost of gym sessions or swimming for people on low incomes.',
      'Simple exercises I can do with my child at home, made into a game.',
      'Being trusted to know my own body and manage flare-ups myself.',
    ],
    'do-not-want': [
      'A sheet of exercises and then being discharged.',
      'Being told to lose weight as the answer to everything.',
      'Being made to feel it is my fault the pain has not gone.',
      'Exercise classes that need special equipment I cannot afford.',
      'Stopping the sessions just when I was starting to improve.',
    ],
    neutral: [
      'I stopped the exercises when I went back to work.',
      'Pain relief helped me sleep, which made everything else easier.',
    ],
  },
  'theme-joined-up': {
    want: [
      'Everyone who sees me able to read the same notes so I tell my story once.',
      'The physio and the GP talking to each other before I am referred on.',
      'Mental health support offered alongside the physio, because the pain wears you down.',
      'Carers treated as part of the team, not visitors.',
      'A plan I hold myself that goes with me to every appointment.',
      'School and the physio working together so my son can do his exercises in PE.',
    ],
    'do-not-want': [
      'Telling my whole history again to every new person.',
      'Being referred to a specialist who has not seen my scans.',
      'Being discharged by one team before the next one has even seen me.',
      'Different advice from the GP, the physio and the pharmacist.',
    ],
    neutral: [
      'I never knew who was in charge of my care.',
      'The specialist was good but I only saw them once.',
    ],
  },
};

/** Personal details some people type into notes; redaction must catch every one of these. */
export const PERSONAL_DETAIL_TAILS = [
  ' You can call me on 07700 900123 if you want to hear more.',
  ' My email is jo.demo@example.org if you need it.',
  ' My NHS number is 943 476 5919 if that helps find my notes.',
  ' I live near LS1 4AP so the city clinic is handy.',
];

export const FIRST_NAMES = [
  'Alex',
  'Bilal',
  'Chloe',
  'Dariusz',
  'Ebony',
  'Farah',
  'Gareth',
  'Hannah',
  'Imran',
  'Jade',
  'Kwame',
  'Leanne',
  'Mohammed',
  'Niamh',
  'Olu',
  'Priya',
  'Quentin',
  'Rosa',
  'Sanjay',
  'Tara',
];
export const LAST_NAMES = [
  'Ahmed',
  'Brown',
  'Campbell',
  'Davies',
  'Evans',
  'Fraser',
  'Green',
  'Hussain',
  'Iqbal',
  'Jones',
  'Khan',
  'Lewis',
  'Mensah',
  'Nowak',
  'Owen',
  'Patel',
  'Quinn',
  'Roberts',
  'Singh',
  'Taylor',
];
export const TOWNS = ['Leeds', 'Wakefield', 'Bradford', 'Harrogate', 'Huddersfield', 'Halifax'];
