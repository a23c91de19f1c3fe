import type { MessageKey } from '../../messages.ts';
import type { CitizenLanguageCode } from '../../citizen-languages.ts';

/**
 * The public association page is citizen-facing, so besides Danish and English it speaks the languages
 * the citizen questionnaire offers. Only the page's own words are here; what associations write about
 * their activities stays as they wrote it. Drafted by the project, to be reviewed by a translator.
 */
type Words = [title: string, intro: string, area: string, activity: string, day: string, language: string, text: string, all: string,
  search: string, count: string, when: string, where: string, introCourse: string, companion: string, contact: string, staffLogin: string,
  pageLanguage: string, adapted: string, welcoming: string, ordinary: string, activities: string[], weekdays: string[]];

const keys: MessageKey[] = ['public.title', 'public.intro', 'public.area', 'public.activity', 'public.day', 'public.language', 'public.text',
  'public.all', 'public.search', 'public.count', 'public.when', 'public.where', 'public.intro_course', 'public.companion', 'public.contact',
  'public.staffLogin', 'public.pageLanguage', 'inclusive.adapted', 'inclusive.welcoming', 'inclusive.ordinary'];
export const activityKinds = ['walking', 'swimming', 'cycling', 'strength', 'dance', 'ball_games', 'yoga_mindfulness', 'golf_padel', 'outdoor', 'social', 'other'] as const;

const words: Record<Exclude<CitizenLanguageCode, 'da' | 'en'>, Words> = {
  ar: ['ابحث عن نشاط جماعي في بلديتك', 'جمعيات ومتطوعون لديهم أنشطة يُرحَّب فيها بالقادمين الجدد. ابحث حسب المنطقة والنشاط واليوم واللغة.',
    'المنطقة', 'النشاط', 'اليوم', 'اللغة', 'كلمة للبحث', 'الكل', 'بحث', 'عدد الأنشطة التي وُجدت: {count}.', 'متى', 'أين',
    'دورة تعريفية للجدد', 'يمكن لمتطوع أن يرافقك في المرات الأولى', 'التواصل', 'للموظفين: تسجيل الدخول', 'لغة الصفحة',
    'مُعدّ للأشخاص ذوي القدرة الجسدية المحدودة', 'نشاط عادي يراعي احتياجات الجميع', 'يتطلب قدرة جسدية عادية',
    ['المشي', 'السباحة', 'ركوب الدراجة', 'تمارين القوة', 'الرقص', 'ألعاب الكرة', 'اليوغا والتأمل', 'الغولف والبادل', 'أنشطة في الطبيعة', 'لقاءات اجتماعية', 'أخرى'],
    ['الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد']],
  fa: ['یک فعالیت گروهی در کمون خود پیدا کنید', 'انجمن‌ها و داوطلبانی با فعالیت‌هایی که تازه‌واردها در آن‌ها خوش‌آمدند. بر اساس منطقه، فعالیت، روز و زبان جستجو کنید.',
    'منطقه', 'فعالیت', 'روز', 'زبان', 'کلمه برای جستجو', 'همه', 'جستجو', 'تعداد فعالیت‌های پیداشده: {count}.', 'چه زمانی', 'کجا',
    'دوره آشنایی برای تازه‌واردها', 'یک داوطلب می‌تواند دفعه‌های اول همراه شما بیاید', 'تماس', 'برای کارکنان: ورود', 'زبان صفحه',
    'مناسب افرادی که توانایی جسمی کمتری دارند', 'فعالیت معمولی که به نیازهای همه توجه می‌کند', 'به توانایی جسمی معمولی نیاز دارد',
    ['پیاده‌روی', 'شنا', 'دوچرخه‌سواری', 'تمرین قدرتی', 'رقص', 'بازی‌های توپی', 'یوگا و ذهن‌آگاهی', 'گلف و پادل', 'فعالیت در طبیعت', 'دورهمی', 'سایر'],
    ['دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنج‌شنبه', 'جمعه', 'شنبه', 'یکشنبه']],
  so: ['Ka hel hawl wadareed degmadaada', 'Ururro iyo mutadawiciin leh hawlo dadka cusub lagu soo dhaweeyo. Ku raadi aagga, hawsha, maalinta iyo luqadda.',
    'Aagga', 'Hawsha', 'Maalinta', 'Luqadda', 'Eray aad raadiso', 'Dhammaan', 'Raadi', 'Hawlaha la helay: {count}.', 'Goorma', 'Halkee',
    'Koorso hordhac ah oo dadka cusub loogu talagalay', 'Mutadawac ayaa kula socon kara jeerarka ugu horreeya', 'Xiriir', 'Shaqaalaha: soo gal', 'Luqadda bogga',
    'Loogu talagalay dadka awoodda jirkoodu yar tahay', 'Hawl caadi ah oo qof walba tixgelisa', 'Waxay u baahan tahay awood jireed caadi ah',
    ['Socod', 'Dabaal', 'Baaskiil', 'Jimicsi xoog', 'Qoob-ka-ciyaar', 'Ciyaaro kubbadeed', 'Yoga iyo nasasho maskaxeed', 'Golf iyo padel', 'Hawlo dibadda ah', 'Kulan bulsho', 'Kale'],
    ['Isniin', 'Talaado', 'Arbaco', 'Khamiis', 'Jimce', 'Sabti', 'Axad']],
  tr: ['Belediyenizde bir topluluk bulun', 'Yeni gelenlerin hoş karşılandığı etkinlikler sunan dernekler ve gönüllüler. Bölgeye, etkinliğe, güne ve dile göre arayın.',
    'Bölge', 'Etkinlik', 'Gün', 'Dil', 'Aranacak kelime', 'Tümü', 'Ara', 'Bulunan etkinlik sayısı: {count}.', 'Ne zaman', 'Nerede',
    'Yeni gelenler için tanışma kursu', 'İlk seferlerde bir gönüllü size eşlik edebilir', 'İletişim', 'Çalışanlar için: giriş', 'Sayfanın dili',
    'Bedensel kısıtlılığı olanlar için düzenlenmiştir', 'Herkesi gözeten sıradan bir etkinlik', 'Normal bedensel kapasite gerektirir',
    ['Yürüyüş', 'Yüzme', 'Bisiklet', 'Kuvvet antrenmanı', 'Dans', 'Top oyunları', 'Yoga ve farkındalık', 'Golf ve padel', 'Doğada etkinlik', 'Sosyal buluşma', 'Diğer'],
    ['Pazartesi', 'Salı', 'Çarşamba', 'Perşembe', 'Cuma', 'Cumartesi', 'Pazar']],
  ur: ['اپنی بلدیہ میں کوئی اجتماعی سرگرمی تلاش کریں', 'انجمنیں اور رضاکار جن کی سرگرمیوں میں نئے لوگوں کو خوش آمدید کہا جاتا ہے۔ علاقے، سرگرمی، دن اور زبان کے لحاظ سے تلاش کریں۔',
    'علاقہ', 'سرگرمی', 'دن', 'زبان', 'تلاش کے لیے لفظ', 'سب', 'تلاش کریں', 'ملنے والی سرگرمیاں: {count}۔', 'کب', 'کہاں',
    'نئے لوگوں کے لیے تعارفی کورس', 'پہلی چند بار ایک رضاکار آپ کے ساتھ آ سکتا ہے', 'رابطہ', 'عملے کے لیے: لاگ اِن', 'صفحے کی زبان',
    'کم جسمانی صلاحیت والے لوگوں کے لیے ترتیب دی گئی', 'عام سرگرمی جس میں سب کا خیال رکھا جاتا ہے', 'عام جسمانی صلاحیت درکار ہے',
    ['پیدل چلنا', 'تیراکی', 'سائیکل چلانا', 'طاقت کی ورزش', 'رقص', 'گیند کے کھیل', 'یوگا اور ذہنی سکون', 'گالف اور پیڈل', 'کھلی فضا میں سرگرمیاں', 'سماجی میل جول', 'دیگر'],
    ['پیر', 'منگل', 'بدھ', 'جمعرات', 'جمعہ', 'ہفتہ', 'اتوار']],
  pl: ['Znajdź wspólne zajęcia w swojej gminie', 'Stowarzyszenia i wolontariusze, u których nowe osoby są mile widziane. Szukaj według okolicy, zajęć, dnia i języka.',
    'Okolica', 'Zajęcia', 'Dzień', 'Język', 'Słowo do wyszukania', 'Wszystkie', 'Szukaj', 'Znalezione zajęcia: {count}.', 'Kiedy', 'Gdzie',
    'Kurs wprowadzający dla nowych osób', 'Wolontariusz może Ci towarzyszyć przy pierwszych spotkaniach', 'Kontakt', 'Dla pracowników: logowanie', 'Język strony',
    'Dostosowane do osób z ograniczoną sprawnością', 'Zwykłe zajęcia, które uwzględniają potrzeby wszystkich', 'Wymaga zwykłej sprawności fizycznej',
    ['Spacery', 'Pływanie', 'Jazda na rowerze', 'Trening siłowy', 'Taniec', 'Gry z piłką', 'Joga i uważność', 'Golf i padel', 'Zajęcia na świeżym powietrzu', 'Spotkania towarzyskie', 'Inne'],
    ['Poniedziałek', 'Wtorek', 'Środa', 'Czwartek', 'Piątek', 'Sobota', 'Niedziela']],
};

/** The page's words in a language other than Danish or English, by message key; undefined for da/en (the app's own catalogues). */
export function pageWords(code: CitizenLanguageCode): Partial<Record<MessageKey, string>> | undefined {
  if (code === 'da' || code === 'en') return undefined;
  const w = words[code];
  const entries: [MessageKey, string][] = keys.map((k, i) => [k, w[i] as string]);
  activityKinds.forEach((a, i) => entries.push([`activity.${a}` as MessageKey, w[20][i]!]));
  w[21].forEach((d, i) => entries.push([`weekday.${i + 1}` as MessageKey, d]));
  return Object.fromEntries(entries);
}
