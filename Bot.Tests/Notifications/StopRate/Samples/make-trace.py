# Writes stop-rate-month.csv: four weeks of one topic's opt-ins and stops (synthetic, no customer data),
# shaped like a weekly-deals topic: opt-ins follow the hours of the day (fewer at weekends), a few stops
# a day, a burst of stops after each Thursday 10:00 UTC campaign, and one bad campaign (2026-10-15) whose
# stops pause the topic. The guard of the time (exact instants, 7 days, 0.25, 20) is simulated while
# generating: while it pauses offers, opt-ins drop to a quarter. Seeded, so running it again writes the
# same file. The test that reads it: Bot.Tests/Storage/NotificationStoreContractTests.cs.
import random, math, datetime as dt
random.seed(2611)
start = dt.datetime(2026,10,5,0,0,tzinfo=dt.timezone.utc)  # a Monday
W = dt.timedelta(days=7)
events=[]  # (at, kind)
def counts_exact(now):
    s=now-W
    o=sum(1 for a,k in events if k=='optin' and s<=a<=now)
    t=sum(1 for a,k in events if k=='stop' and s<=a<=now)
    return o,t
def paused(o,t):
    r = (math.inf if t else 0) if o==0 else t/o
    return o+t>=20 and r>0.25
day_rate=[0.3,0.2,0.1,0.1,0.1,0.2,0.5,1.2,2.5,3.5,4,4,3.5,3.5,4,4,3.5,3,3,3.5,3,2,1.2,0.6]
def poisson(l):
    L=math.exp(-l);k=0;p=1
    while True:
        p*=random.random()
        if p<L: return k
        k+=1
t=start
end=start+dt.timedelta(days=28)
while t<end:
    h=t.hour; wd=t.weekday()
    o_rate=day_rate[h]*(0.6 if wd>=5 else 1.0)
    s_rate=0.05
    if wd==3 and 10<=h<13:  # weekly campaign Thursday 10:00 UTC
        s_rate += 3.0 if t.date()!=dt.date(2026,10,15) else 40.0  # the bad one in week 2
    # a minute-by-minute thinning so each event has its own instant
    for m in range(60):
        now=t+dt.timedelta(minutes=m)
        sec=random.randrange(60); ms=random.randrange(1000)
        at=now+dt.timedelta(seconds=sec,milliseconds=ms)
        o,st=counts_exact(at)
        p=paused(o,st)
        rate_o=o_rate/60*(0.25 if p else 1)
        if random.random()<rate_o: events.append((at,'optin'))
        if random.random()<s_rate/60: events.append((at,'stop'))
    t+=dt.timedelta(hours=1)
events.sort()
with open('stop-rate-month.csv','w') as f:
    for a,k in events: f.write(a.strftime('%Y-%m-%dT%H:%M:%S.%f')[:-3]+'Z,'+k+'\n')
print(len(events), sum(1 for e in events if e[1]=='stop'))
