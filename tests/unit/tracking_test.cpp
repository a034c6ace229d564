// Tracking (SPEC §4): assignment de-duplication, GLEX's Snowplow experiment
// context and edX's `edx.bi.experiment.user.bucketed` event.

#include "cohort/tracking.hpp"

#include <gtest/gtest.h>

#include <string>

#include "cohort/assignment_tracker.hpp"

namespace cohort {
namespace {

Answer tracked(std::string experiment, std::string key, std::string variant = "red",
               Reason reason = Reason::split) {
  Answer a;
  a.experiment = std::move(experiment);
  a.key = std::move(key);
  a.variant = std::move(variant);
  a.variant_index = 1;
  a.reason = reason;
  a.tracked = true;
  return a;
}

// --- AssignmentTracker ------------------------------------------------------

TEST(AssignmentTrackerTest, EmitsOncePerExperimentAndKey) {
  AssignmentTracker tracker;
  EXPECT_TRUE(tracker.should_emit(tracked("e", "k1")));
  EXPECT_FALSE(tracker.should_emit(tracked("e", "k1")));
  EXPECT_FALSE(tracker.should_emit(tracked("e", "k1", "blue", Reason::cached)));
  EXPECT_TRUE(tracker.should_emit(tracked("e", "k2")));
  EXPECT_TRUE(tracker.should_emit(tracked("f", "k1")));
  EXPECT_FALSE(tracker.should_emit(tracked("f", "k1")));
}

TEST(AssignmentTrackerTest, EmitsAgainForAnotherCourse) {
  // edX: once per session, per course.
  AssignmentTracker tracker;
  EXPECT_TRUE(tracker.should_emit(tracked("e", "k"), "course-v1:edX+A+1"));
  EXPECT_FALSE(tracker.should_emit(tracked("e", "k"), "course-v1:edX+A+1"));
  EXPECT_TRUE(tracker.should_emit(tracked("e", "k"), "course-v1:edX+B+1"));
  // No course is a scope of its own.
  EXPECT_TRUE(tracker.should_emit(tracked("e", "k")));
  EXPECT_FALSE(tracker.should_emit(tracked("e", "k")));
  EXPECT_FALSE(tracker.should_emit(tracked("e", "k"), "course-v1:edX+B+1"));
}

TEST(AssignmentTrackerTest, EveryTrackedReasonEmits) {
  AssignmentTracker tracker;
  int key = 0;
  for (const Reason reason : {Reason::stubbed, Reason::cached, Reason::forced, Reason::segment,
                              Reason::gate, Reason::split}) {
    EXPECT_TRUE(tracker.should_emit(tracked("e", std::to_string(key++), "red", reason)))
        << to_string(reason);
  }
}

TEST(AssignmentTrackerTest, NeverForUntrackedOrExcludedAnswers) {
  AssignmentTracker tracker;
  Answer untracked = tracked("e", "k");
  untracked.tracked = false;
  EXPECT_FALSE(tracker.should_emit(untracked));
  Answer excluded = tracked("e", "k", "control", Reason::excluded);
  excluded.excluded = true;
  EXPECT_FALSE(tracker.should_emit(excluded));
  // Refusing them did not use up the assignment.
  EXPECT_TRUE(tracker.should_emit(tracked("e", "k")));
}

TEST(AssignmentTrackerTest, NeverForDisabledUnknownPublishedOrErrorAnswers) {
  // Documented on should_emit and in SPEC §3/§4, whatever `tracked` says.
  AssignmentTracker tracker;
  for (const Reason reason :
       {Reason::excluded, Reason::disabled, Reason::unknown, Reason::published, Reason::error}) {
    EXPECT_FALSE(tracker.should_emit(tracked("e", "k", "control", reason))) << to_string(reason);
  }
  EXPECT_TRUE(tracker.should_emit(tracked("e", "k")));
}

TEST(AssignmentTrackerTest, IsBounded) {
  // Capacity 2: a third assignment forgets the oldest, which may emit again.
  AssignmentTracker tracker(2);
  EXPECT_TRUE(tracker.should_emit(tracked("e", "1")));
  EXPECT_TRUE(tracker.should_emit(tracked("e", "2")));
  EXPECT_TRUE(tracker.should_emit(tracked("e", "3")));
  EXPECT_FALSE(tracker.should_emit(tracked("e", "3")));
  EXPECT_FALSE(tracker.should_emit(tracked("e", "2")));
  EXPECT_TRUE(tracker.should_emit(tracked("e", "1")));  // forgotten, emits again

  // A million distinct assignments through the default tracker: each emits
  // once, memory stays bounded (10,000 remembered).
  AssignmentTracker big;
  int emitted = 0;
  for (int i = 0; i < 1'000'000; ++i) emitted += big.should_emit(tracked("e", std::to_string(i)));
  EXPECT_EQ(emitted, 1'000'000);
  EXPECT_FALSE(big.should_emit(tracked("e", "999999")));
  EXPECT_TRUE(big.should_emit(tracked("e", "0")));
  // Two generations of 5,000: never more than 10,000 held.
  EXPECT_LE(big.size(), 10'000U);
}

TEST(AssignmentTrackerTest, RemembersEverythingWhileItsTablesGrow) {
  // The tables start small and double: 4,000 assignments (within one
  // generation of 5,000) are all still known after every growth.
  AssignmentTracker tracker;
  for (int i = 0; i < 4'000; ++i) ASSERT_TRUE(tracker.should_emit(tracked("e", std::to_string(i))));
  for (int i = 0; i < 4'000; ++i)
    EXPECT_FALSE(tracker.should_emit(tracked("e", std::to_string(i))));
  EXPECT_EQ(tracker.size(), 4'000U);
}

TEST(AssignmentTrackerTest, ForgetStartsANewSession) {
  AssignmentTracker tracker;
  EXPECT_TRUE(tracker.should_emit(tracked("e", "k")));
  tracker.forget();
  EXPECT_EQ(tracker.size(), 0U);
  EXPECT_TRUE(tracker.should_emit(tracked("e", "k")));
  EXPECT_FALSE(tracker.should_emit(tracked("e", "k")));
}

TEST(AssignmentTrackerTest, FieldsDoNotRunIntoEachOther) {
  // ("a.b", key "k") and ("a", key "b.k") or a course that continues the key
  // are different assignments.
  AssignmentTracker tracker;
  EXPECT_TRUE(tracker.first_time("a.b", "k", ""));
  EXPECT_TRUE(tracker.first_time("a", "b.k", ""));
  EXPECT_TRUE(tracker.first_time("a", "b", "k"));
  EXPECT_TRUE(tracker.first_time("a", "bk", ""));
  EXPECT_FALSE(tracker.first_time("a", "b", "k"));
}

// --- experiment_context -----------------------------------------------------

TEST(ExperimentContextTest, HasExactlySchemaAndData) {
  const Json c = experiment_context(tracked("pill_color", "abc123", "red"));
  EXPECT_EQ(c, Json::parse(R"({
    "schema": "iglu:com.gitlab/gitlab_experiment/jsonschema/1-0-3",
    "data": {"experiment": "pill_color", "key": "abc123", "variant": "red"}
  })"));
  EXPECT_EQ(c.size(), 2u);
  EXPECT_EQ(c["data"].size(), 3u);
  EXPECT_FALSE(c["data"].contains("migration_keys"));
  EXPECT_EQ(kExperimentContextSchema, "iglu:com.gitlab/gitlab_experiment/jsonschema/1-0-3");
}

TEST(ExperimentContextTest, MigrationKeysOnlyWhenThereAreSome) {
  Answer a = tracked("pill_color", "new", "blue");
  a.migration_keys = {"old1", "old2"};
  const Json c = experiment_context(a);
  EXPECT_EQ(c["data"], Json::parse(R"({"experiment": "pill_color", "key": "new",
                                        "variant": "blue", "migration_keys": ["old1", "old2"]})"));
  EXPECT_EQ(c["data"].size(), 4u);
}

TEST(ExperimentContextTest, NothingElseLeaks) {
  // reason, excluded, tracked, variant_index and error stay out.
  Answer a = tracked("e", "k", "control", Reason::error);
  a.error = "boom";
  a.excluded = true;
  const Json c = experiment_context(a);
  EXPECT_EQ(c["data"], Json::parse(R"({"experiment": "e", "key": "k", "variant": "control"})"));
}

// --- edx_bucketed_event -------------------------------------------------------

TEST(EdxBucketedEventTest, HasExactlyEdxsProperties) {
  Answer a = tracked("welcome_email", "k", "2");
  a.variant_index = 2;
  EdxEventSource source;
  source.site = "courses.example.org";
  source.course_id = "course-v1:edX+DemoX+Demo_Course";
  source.is_staff = true;
  const Json e = edx_bucketed_event(a, source);
  EXPECT_EQ(e, Json::parse(R"({
    "site": "courses.example.org",
    "app_label": "experiments",
    "experiment": "welcome_email",
    "course_id": "course-v1:edX+DemoX+Demo_Course",
    "bucket": 2,
    "is_staff": true,
    "nonInteraction": 1
  })"));
  EXPECT_EQ(e.size(), 7u);
  EXPECT_EQ(kEdxBucketedEvent, "edx.bi.experiment.user.bucketed");
}

TEST(EdxBucketedEventTest, EmptyCourseIsNullAndDefaultsApply) {
  Answer a = tracked("e", "k", "control");
  a.variant_index = 0;
  const Json e = edx_bucketed_event(a, EdxEventSource{});
  EXPECT_EQ(e, Json::parse(R"({"site": "", "app_label": "experiments", "experiment": "e",
                               "course_id": null, "bucket": 0, "is_staff": false,
                               "nonInteraction": 1})"));
  EXPECT_TRUE(e["course_id"].is_null());
  EXPECT_TRUE(e["bucket"].is_number_integer());
  EXPECT_TRUE(e["nonInteraction"].is_number_integer());
  EXPECT_TRUE(e["is_staff"].is_boolean());
}

}  // namespace
}  // namespace cohort
